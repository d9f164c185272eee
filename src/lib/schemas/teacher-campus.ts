import { z } from 'zod';
import { inviteCodeField } from './auth';

/** "Mijn account": a teacher adds a campus with its code, the same check as registration. */
export const addCampusSchema = z.object({ inviteCode: inviteCodeField() });

export const leaveCampusSchema = z.object({ campusId: z.coerce.number().int().positive() });
