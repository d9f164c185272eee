import type { Db } from '../db';
import type { SurveyMoment } from '../db/schema';
import type { DbTime } from '../db/time';

/** Which questionnaires of an edition count: closed ones (an open one still changes) at one moment. */
const closedSurveys = (db: Db, editionId: number, moment: SurveyMoment, now: DbTime) =>
	db
		.selectFrom('pupilSurveys')
		.innerJoin('classes', 'classes.id', 'pupilSurveys.classId')
		.where('classes.editionId', '=', editionId)
		.where('pupilSurveys.moment', '=', moment)
		.where('pupilSurveys.closesAt', '<=', now);

/** Closed questionnaires (an open one still changes) of these editions, at any moment. */
const closedSurveysOf = (db: Db, editionIds: number[], now: DbTime) =>
	db
		.selectFrom('pupilSurveys')
		.innerJoin('classes', 'classes.id', 'pupilSurveys.classId')
		.where('classes.editionId', 'in', editionIds)
		.where('pupilSurveys.closesAt', '<=', now);

/**
 * How many answers gave each score, per closed questionnaire and question, for
 * one or more editions and both moments at once: the raw answers counted in SQL
 * plus the tallies kept for answers already deleted. Never a row per answer: the
 * figures only ever see counts. Two queries, however many editions.
 */
export async function scoreCounts(db: Db, editionIds: number[], now: DbTime) {
	if (editionIds.length === 0) return [];
	const columns = ['classes.editionId', 'pupilSurveys.moment', 'pupilSurveys.id as surveyId'] as const;
	const [raw, kept] = await Promise.all([
		closedSurveysOf(db, editionIds, now)
			.innerJoin('pupilAnswers', 'pupilAnswers.surveyId', 'pupilSurveys.id')
			.innerJoin('pupilAnswerScores', 'pupilAnswerScores.answerId', 'pupilAnswers.id')
			.select((eb) => [...columns, 'pupilAnswerScores.questionId', 'pupilAnswerScores.score', eb.fn.countAll<number>().as('answers')])
			.groupBy(['classes.editionId', 'pupilSurveys.moment', 'pupilSurveys.id', 'pupilAnswerScores.questionId', 'pupilAnswerScores.score'])
			.execute(),
		closedSurveysOf(db, editionIds, now)
			.innerJoin('pupilScoreTallies', 'pupilScoreTallies.surveyId', 'pupilSurveys.id')
			.select([...columns, 'pupilScoreTallies.questionId', 'pupilScoreTallies.score', 'pupilScoreTallies.answers'])
			.execute()
	]);
	return [...raw, ...kept].map((r) => ({
		editionId: r.editionId,
		moment: r.moment as SurveyMoment,
		surveyId: r.surveyId,
		questionId: r.questionId,
		score: Number(r.score),
		answers: Number(r.answers)
	}));
}

export type GroupKey = { surveyId: number; key: number; label: string };

/** The campus of each closed questionnaire, named "school – campus". */
export const surveysByCampus = async (db: Db, editionId: number, moment: SurveyMoment, now: DbTime): Promise<GroupKey[]> =>
	(
		await closedSurveys(db, editionId, moment, now)
			.innerJoin('campuses', 'campuses.id', 'classes.campusId')
			.innerJoin('schools', 'schools.id', 'campuses.schoolId')
			.select(['pupilSurveys.id as surveyId', 'campuses.id as key', 'schools.name as school', 'campuses.name as campus'])
			.execute()
	).map((r) => ({ surveyId: r.surveyId, key: r.key, label: `${r.school} – ${r.campus}` }));

/** The class's given workshop's trainers (booked, not cancelled) per closed questionnaire: one row per trainer. */
const surveysWithTrainers = (db: Db, editionId: number, moment: SurveyMoment, now: DbTime) =>
	closedSurveys(db, editionId, moment, now)
		.innerJoin('slotClasses', 'slotClasses.classId', 'classes.id')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.where('workshopSlots.outcome', '=', 'given')
		.where('slotTrainers.active', '=', 1);

export const surveysByTrainer = (db: Db, editionId: number, moment: SurveyMoment, now: DbTime): Promise<GroupKey[]> =>
	surveysWithTrainers(db, editionId, moment, now).select(['pupilSurveys.id as surveyId', 'users.id as key', 'users.displayName as label']).distinct().execute();

export const surveysByOrganisation = (db: Db, editionId: number, moment: SurveyMoment, now: DbTime): Promise<GroupKey[]> =>
	surveysWithTrainers(db, editionId, moment, now)
		.innerJoin('organisations', 'organisations.id', 'users.organisationId')
		.select(['pupilSurveys.id as surveyId', 'organisations.id as key', 'organisations.name as label'])
		.distinct()
		.execute();
