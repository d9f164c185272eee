import { z } from 'zod';
import * as m from '../paraglide/messages';
import { confirmField } from './confirm';
import { optionalText } from './fields';

/** The reason is optional and short; the column holds 500 characters. */
export const deletionReasonMax = 500;

/** "Mijn account": asking for one's account to be deleted. */
export const deletionRequestSchema = z.object({ reason: optionalText(deletionReasonMax) });

/** A coordinator carries out one request, after ticking that they mean it. */
export const carryOutSchema = z.object({
	requestId: z.coerce.number().int().positive(),
	confirm: confirmField(() => m.md_confirm_required())
});
