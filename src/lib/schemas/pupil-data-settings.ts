import { z } from 'zod';
import { pupilDataBounds } from '../pupil-data-settings';
import { wholeWithin } from './retention-settings';

/** The pupils' questionnaire's privacy settings, on the retention settings form. Client-safe. */
export const pupilDataSettingsSchema = z.object({
	rawAnswerDays: wholeWithin(pupilDataBounds.rawAnswerDays),
	minGroup: wholeWithin(pupilDataBounds.minGroup)
});
export type PupilDataSettingsInput = z.output<typeof pupilDataSettingsSchema>;
