import { z } from 'zod';
import { optionalText } from './fields';

/** Coordinator actions on one certificate. Client-safe. */
export const revokeCertificateSchema = z.object({ id: z.coerce.number().int().positive(), reason: optionalText(500) });
export const reissueCertificateSchema = z.object({ id: z.coerce.number().int().positive() });
