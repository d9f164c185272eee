import { z } from 'zod';
import * as m from '../paraglide/messages';

/**
 * The tick of a confirmation (DangerAction posts it as `confirm=yes`). Every
 * action that cannot be undone puts it in its schema, so a post without the tick
 * (a double click, a script, an old page) is refused by the server, with a message
 * that says nothing happened. Client-safe.
 */
export const confirmField = (message: () => string = () => m.danger_error_confirm()) => z.literal('yes', { error: message });

/** The schema of an action whose only input is the tick. */
export const confirmSchema = (message?: () => string) => z.object({ confirm: confirmField(message) });
