import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { SurveyMoment } from '../db/schema';
import type { DbTime } from '../db/time';

/** A questionnaire by its code, with what the pupils' page shows and checks (class, campus, edition, campaign). */
export const findSurveyByCode = (db: Db, code: string) =>
	db
		.selectFrom('pupilSurveys')
		.innerJoin('classes', 'classes.id', 'pupilSurveys.classId')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select([
			'pupilSurveys.id',
			'pupilSurveys.moment',
			'pupilSurveys.closesAt',
			'pupilSurveys.openedAt',
			'classes.id as classId',
			'classes.pupilCount',
			'classes.status as classStatus',
			'editions.id as editionId',
			'editions.name as edition',
			'campaigns.name as campaign'
		])
		.where('pupilSurveys.code', '=', code)
		.executeTakeFirst();

/** The questionnaire's row, locked on MariaDB: answers to one class are counted one at a time (SQLite writes one at a time anyway). */
export const lockSurvey = (db: Db, id: number) =>
	db
		.selectFrom('pupilSurveys')
		.select(['id', 'closesAt'])
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export async function countAnswers(db: Db, surveyId: number): Promise<number> {
	const row = await db
		.selectFrom('pupilAnswers')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export const hasMark = async (db: Db, surveyId: number, mark: string) =>
	!!(await db.selectFrom('pupilDeviceMarks').select('surveyId').where('surveyId', '=', surveyId).where('mark', '=', mark).executeTakeFirst());

export const insertMark = (db: Db, surveyId: number, mark: string, expiresAt: DbTime) =>
	db.insertInto('pupilDeviceMarks').values({ surveyId, mark, expiresAt }).execute();

/** The answer and its scores; the caller holds the questionnaire's lock. */
export async function insertAnswer(db: Db, surveyId: number, answeredOn: string, scores: { questionId: number; score: number }[]): Promise<void> {
	const r = await db.insertInto('pupilAnswers').values({ surveyId, answeredOn }).executeTakeFirstOrThrow();
	const answerId = Number(r.insertId);
	await db
		.insertInto('pupilAnswerScores')
		.values(scores.map((s) => ({ answerId, ...s })))
		.execute();
}

/** A class's questionnaires with how many answers each has, for its teacher's page. */
export const listSurveysOfClass = (db: Db, classId: number) =>
	db
		.selectFrom('pupilSurveys')
		.select((eb) => [
			'pupilSurveys.id',
			'pupilSurveys.moment',
			'pupilSurveys.code',
			'pupilSurveys.openedAt',
			'pupilSurveys.closesAt',
			eb
				.selectFrom('pupilAnswers')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('pupilAnswers.surveyId', '=', 'pupilSurveys.id')
				.as('answers')
		])
		.where('classId', '=', classId)
		.execute();

export const findSurveyOfClass = (db: Db, classId: number, moment: SurveyMoment) =>
	db.selectFrom('pupilSurveys').selectAll().where('classId', '=', classId).where('moment', '=', moment).executeTakeFirst();

export async function insertSurvey(db: Db, row: { classId: number; moment: SurveyMoment; code: string; openedAt: DbTime; closesAt: DbTime; openedBy: number }) {
	const r = await db.insertInto('pupilSurveys').values(row).executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export const setSurveyWindow = (db: Db, id: number, window: { openedAt?: DbTime; closesAt: DbTime }) =>
	db.updateTable('pupilSurveys').set(window).where('id', '=', id).execute();

/** Marks whose questionnaire closed more than a day ago: nothing is left to prevent, so nothing is kept. */
export const deleteExpiredMarks = (db: Db, now: DbTime) => db.deleteFrom('pupilDeviceMarks').where('expiresAt', '<', now).executeTakeFirst();

/** Marks of a questionnaire kept open longer stay as long as it does (and a day). */
export const setMarksExpiry = (db: Db, surveyId: number, expiresAt: DbTime) =>
	db.updateTable('pupilDeviceMarks').set({ expiresAt }).where('surveyId', '=', surveyId).execute();

export const asksBeforeAndAfter = async (db: Db, campaignId: number) =>
	!!(await db.selectFrom('campaigns').select('pupilBeforeAfter').where('id', '=', campaignId).executeTakeFirst())?.pupilBeforeAfter;
