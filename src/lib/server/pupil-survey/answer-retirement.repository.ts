import type { Db } from '../db';
import type { DbTime } from '../db/time';

/**
 * The queries that fold a questionnaire's raw answers into its tallies (issue
 * 19.5). The service locks the questionnaire (survey.repository lockSurvey), so
 * no answer arrives between the count and the delete.
 */

/**
 * Closed questionnaires that still hold raw answers, in editions archived before
 * `archivedBefore`. An edition archived by a path that left archived_at empty
 * (the demo seed) counts from its last change.
 */
export const listSurveysToRetire = (db: Db, archivedBefore: DbTime, now: DbTime, limit: number) =>
	db
		.selectFrom('pupilSurveys')
		.innerJoin('classes', 'classes.id', 'pupilSurveys.classId')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select('pupilSurveys.id')
		.where('editions.status', '=', 'archived')
		.where((eb) => eb(eb.fn.coalesce('editions.archivedAt', 'editions.updatedAt'), '<', archivedBefore))
		.where('pupilSurveys.closesAt', '<=', now)
		.where((eb) => eb.exists(eb.selectFrom('pupilAnswers').select('pupilAnswers.id').whereRef('pupilAnswers.surveyId', '=', 'pupilSurveys.id')))
		.orderBy('pupilSurveys.id')
		.limit(limit)
		.execute();

/** How many raw answers gave each score to each question of the questionnaire. */
export async function countRawScores(db: Db, surveyId: number): Promise<{ questionId: number; score: number; answers: number }[]> {
	const rows = await db
		.selectFrom('pupilAnswerScores')
		.innerJoin('pupilAnswers', 'pupilAnswers.id', 'pupilAnswerScores.answerId')
		.select(['pupilAnswerScores.questionId', 'pupilAnswerScores.score', (eb) => eb.fn.countAll().as('n')])
		.where('pupilAnswers.surveyId', '=', surveyId)
		.groupBy(['pupilAnswerScores.questionId', 'pupilAnswerScores.score'])
		.execute();
	return rows.map((r) => ({ questionId: r.questionId, score: r.score, answers: Number(r.n) }));
}

export const listTallies = (db: Db, surveyId: number) =>
	db.selectFrom('pupilScoreTallies').select(['questionId', 'score', 'answers']).where('surveyId', '=', surveyId).execute();

export const insertTallies = (db: Db, rows: { surveyId: number; questionId: number; score: number; answers: number }[]) =>
	db.insertInto('pupilScoreTallies').values(rows).execute();

export const addToTally = (db: Db, key: { surveyId: number; questionId: number; score: number }, answers: number) =>
	db
		.updateTable('pupilScoreTallies')
		.set((eb) => ({ answers: eb('answers', '+', answers) }))
		.where('surveyId', '=', key.surveyId)
		.where('questionId', '=', key.questionId)
		.where('score', '=', key.score)
		.execute();

export const addRetiredAnswers = (db: Db, surveyId: number, answers: number) =>
	db
		.updateTable('pupilSurveys')
		.set((eb) => ({ retiredAnswers: eb('retiredAnswers', '+', answers) }))
		.where('id', '=', surveyId)
		.execute();

/** Deletes the questionnaire's raw answers and their scores; returns how many answers went. */
export async function deleteRawAnswers(db: Db, surveyId: number): Promise<number> {
	await db
		.deleteFrom('pupilAnswerScores')
		.where('answerId', 'in', db.selectFrom('pupilAnswers').select('id').where('surveyId', '=', surveyId))
		.execute();
	const r = await db.deleteFrom('pupilAnswers').where('surveyId', '=', surveyId).executeTakeFirst();
	return Number(r.numDeletedRows);
}
