import type { Generated } from 'kysely';
import type { DbTime } from '../time';

export type SurveyMoment = 'before' | 'after';

/** A class's questionnaire for its pupils at one moment, open until closesAt (issue 19.2). */
export interface PupilSurveysTable {
	id: Generated<number>;
	classId: number;
	moment: SurveyMoment;
	code: string;
	openedAt: DbTime;
	closesAt: DbTime;
	openedBy: number;
	/** Raw answers folded into pupil_score_tallies and deleted by the retention pass: the questionnaire counts raw + retired answers. */
	retiredAnswers: Generated<number>;
}

/** One pupil's answer: which questionnaire and which day. Nothing that points at a pupil. */
export interface PupilAnswersTable {
	id: Generated<number>;
	surveyId: number;
	answeredOn: string;
}

export interface PupilAnswerScoresTable {
	answerId: number;
	questionId: number;
	score: number;
}

/** How many answers gave each score, per questionnaire and question: what stays once the raw answers are deleted. */
export interface PupilScoreTalliesTable {
	surveyId: number;
	questionId: number;
	score: number;
	answers: number;
}

/** A keyed hash of (questionnaire, device), kept while the questionnaire is open and a day after: one answer per device. */
export interface PupilDeviceMarksTable {
	surveyId: number;
	mark: string;
	expiresAt: DbTime;
}
