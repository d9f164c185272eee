import { z } from 'zod';
import { choice } from './fields';

/** Opening (or keeping open) a class's questionnaire for the pupils: which moment, for how many minutes. */
export const openSurveySchema = z.object({
	moment: choice(['before', 'after'] as const),
	minutes: z
		.string()
		.regex(/^\d{1,4}$/)
		.transform(Number)
});

export const closeSurveySchema = z.object({ moment: choice(['before', 'after'] as const) });
