import { z } from 'zod';

/** A ticked checkbox posts "1"; an unticked one posts nothing. Any other value is refused. */
const ticked = () =>
	z
		.enum(['1'])
		.optional()
		.transform((v) => v === '1');

/** The optional mails a user wants (account page): reminders and follow-ups. */
export const mailPreferencesSchema = z.object({ reminders: ticked(), followUps: ticked() });
