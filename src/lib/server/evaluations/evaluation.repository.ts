import type { Db } from '../db';
import type { DbTime } from '../db/time';

/**
 * What decides whether a class can be evaluated: who enrolled it, its edition's
 * state, and whether one of its workshops was reported given (and not cancelled).
 */
export const findClassForEvaluation = (db: Db, classId: number) =>
	db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select((eb) => [
			'classes.id',
			'classes.campusId',
			'classes.editionId',
			'classes.enrolledBy',
			'classes.status',
			'editions.status as editionStatus',
			eb
				.exists(
					eb
						.selectFrom('slotClasses')
						.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
						.select('slotClasses.slotId')
						.whereRef('slotClasses.classId', '=', 'classes.id')
						.where('workshopSlots.outcome', '=', 'given')
						.where('workshopSlots.status', '=', 'scheduled')
				)
				.as('given')
		])
		.where('classes.id', '=', classId)
		.executeTakeFirst();

export const findEvaluation = (db: Db, classId: number) =>
	db
		.selectFrom('classEvaluations')
		.select(['id', 'answeredBy', 'remark', 'shareName', 'shareRemark', 'submittedAt', 'updatedAt'])
		.where('classId', '=', classId)
		.executeTakeFirst();

export async function insertEvaluation(
	db: Db,
	row: { classId: number; answeredBy: number; remark: string | null; shareName: 0 | 1; shareRemark: 0 | 1 },
	now: DbTime
): Promise<number> {
	const result = await db
		.insertInto('classEvaluations')
		.values({ ...row, submittedAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const updateEvaluation = (db: Db, id: number, row: { remark: string | null; shareName: 0 | 1; shareRemark: 0 | 1 }, now: DbTime) =>
	db
		.updateTable('classEvaluations')
		.set({ ...row, updatedAt: now })
		.where('id', '=', id)
		.execute();

/** Replaces the scores of the given questions; scores of questions deactivated since stay. */
export async function replaceScores(db: Db, evaluationId: number, scores: { questionId: number; score: number }[]): Promise<void> {
	if (!scores.length) return;
	await db
		.deleteFrom('classEvaluationScores')
		.where('evaluationId', '=', evaluationId)
		.where(
			'questionId',
			'in',
			scores.map((s) => s.questionId)
		)
		.execute();
	await db
		.insertInto('classEvaluationScores')
		.values(scores.map((s) => ({ evaluationId, ...s })))
		.execute();
}

/** The scores of evaluations with their questions' texts (deactivated questions too), in the questions' order. */
export const listScoresWithQuestions = (db: Db, evaluationIds: number[]) =>
	evaluationIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('classEvaluationScores')
				.innerJoin('campaignQuestions', 'campaignQuestions.id', 'classEvaluationScores.questionId')
				.select([
					'classEvaluationScores.evaluationId',
					'classEvaluationScores.questionId',
					'classEvaluationScores.score',
					'campaignQuestions.textNl',
					'campaignQuestions.textEn'
				])
				.where('classEvaluationScores.evaluationId', 'in', evaluationIds)
				.orderBy('campaignQuestions.position')
				.orderBy('campaignQuestions.id')
				.execute();

/** The evaluations of a workshop's classes, with the answering teacher's name (shown only when shared). */
export const listEvaluationsOfSlot = (db: Db, slotId: number) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('classEvaluations', 'classEvaluations.classId', 'slotClasses.classId')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classEvaluations.answeredBy')
		.select([
			'classEvaluations.id',
			'classes.name as className',
			'classEvaluations.remark',
			'classEvaluations.shareName',
			'classEvaluations.submittedAt',
			'users.displayName as teacherName'
		])
		.where('slotClasses.slotId', '=', slotId)
		.orderBy('classes.name')
		.orderBy('classes.id')
		.execute();

/** How many classes a workshop has (evaluated or not). */
export async function countClassesOfSlot(db: Db, slotId: number): Promise<number> {
	const row = await db
		.selectFrom('slotClasses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('slotId', '=', slotId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The evaluations a person answered, for their own data export (GDPR art. 15). */
export const listEvaluationsAnsweredBy = (db: Db, userId: number) =>
	db
		.selectFrom('classEvaluations')
		.innerJoin('classes', 'classes.id', 'classEvaluations.classId')
		.select([
			'classEvaluations.id',
			'classes.name as className',
			'classEvaluations.remark',
			'classEvaluations.shareName',
			'classEvaluations.shareRemark',
			'classEvaluations.submittedAt',
			'classEvaluations.updatedAt'
		])
		.where('classEvaluations.answeredBy', '=', userId)
		.orderBy('classEvaluations.id')
		.execute();
