/**
 * The two privacy settings of the pupils' questionnaire (issue 19), client-safe:
 * the settings form and its zod schema use the same bounds.
 *
 * - rawAnswerDays: raw answers are folded into counts and deleted this many days
 *   after their edition is archived (0: at the first daily pass after archiving);
 * - minGroup: the smallest group whose answers are ever shown. Its key, default
 *   and bounds are those of src/lib/server/pupil-survey/group-size.ts (a unit test
 *   keeps the two equal); never below 5, whatever is stored.
 */
export interface PupilDataSettings {
	rawAnswerDays: number;
	minGroup: number;
}

export const defaultPupilData: PupilDataSettings = { rawAnswerDays: 30, minGroup: 10 };

export const pupilDataBounds: { [K in keyof PupilDataSettings]: { min: number; max: number } } = {
	rawAnswerDays: { min: 0, max: 365 },
	minGroup: { min: 5, max: 50 }
};
