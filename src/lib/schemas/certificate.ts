import { z } from 'zod';
import * as m from '../paraglide/messages';
import { confirmField } from './confirm';
import { optionalText } from './fields';

/** Coordinator actions on one certificate. Client-safe. */
export const revokeCertificateSchema = z.object({
	id: z.coerce.number().int().positive(),
	reason: optionalText(500),
	confirm: confirmField(() => m.cert_list_revoke_error_confirm())
});
export const reissueCertificateSchema = z.object({ id: z.coerce.number().int().positive() });
