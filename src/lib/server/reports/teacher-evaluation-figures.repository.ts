import type { Db } from '../db';

/**
 * SQL of the teachers' evaluation figures in the council report (issue 19.4):
 * each function is one grouped query over an edition (or the edition and its
 * predecessor at once), whatever the number of classes.
 */
const num = (v: unknown): number => Number(v ?? 0);

/** Enrolled classes with at least one workshop reported given (not cancelled): the classes whose teacher is asked. */
export async function countClassesWithGivenWorkshop(db: Db, editionIds: number[]): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('classes')
		.select((eb) => ['classes.editionId', eb.fn.countAll().as('n')])
		.where('classes.editionId', 'in', editionIds)
		.where('classes.status', '=', 'enrolled')
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('slotClasses')
					.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
					.select('slotClasses.slotId')
					.whereRef('slotClasses.classId', '=', 'classes.id')
					.where('workshopSlots.outcome', '=', 'given')
					.where('workshopSlots.status', '=', 'scheduled')
			)
		)
		.groupBy('classes.editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, num(r.n)]));
}

/** Evaluations answered, per edition. */
export async function countEvaluations(db: Db, editionIds: number[]): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('classEvaluations')
		.innerJoin('classes', 'classes.id', 'classEvaluations.classId')
		.select((eb) => ['classes.editionId', eb.fn.countAll().as('n')])
		.where('classes.editionId', 'in', editionIds)
		.groupBy('classes.editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, num(r.n)]));
}

export interface ScoreCount {
	editionId: number;
	questionId: number;
	score: number;
	n: number;
}

/** How often each score (1–5) was given to each question, per edition. */
export async function scoreCounts(db: Db, editionIds: number[]): Promise<ScoreCount[]> {
	const rows = await db
		.selectFrom('classEvaluationScores as s')
		.innerJoin('classEvaluations as e', 'e.id', 's.evaluationId')
		.innerJoin('classes', 'classes.id', 'e.classId')
		.select((eb) => ['classes.editionId', 's.questionId', 's.score', eb.fn.countAll().as('n')])
		.where('classes.editionId', 'in', editionIds)
		.groupBy(['classes.editionId', 's.questionId', 's.score'])
		.execute();
	return rows.map((r) => ({ editionId: r.editionId, questionId: r.questionId, score: num(r.score), n: num(r.n) }));
}

/** The campaign's teacher questions, deactivated ones too, in their order. */
export const listTeacherQuestions = (db: Db, campaignId: number) =>
	db
		.selectFrom('campaignQuestions')
		.select(['id', 'textNl', 'textEn', 'active'])
		.where('campaignId', '=', campaignId)
		.where('audience', '=', 'teacher')
		.orderBy('position')
		.orderBy('id')
		.execute();

/**
 * The remarks teachers agreed to share in the report, newest first: the text
 * alone, never who wrote it or about which class.
 */
export async function listSharedRemarks(db: Db, editionId: number, limit: number): Promise<string[]> {
	const rows = await db
		.selectFrom('classEvaluations')
		.innerJoin('classes', 'classes.id', 'classEvaluations.classId')
		.select('classEvaluations.remark')
		.where('classes.editionId', '=', editionId)
		.where('classEvaluations.shareRemark', '=', 1)
		.where('classEvaluations.remark', 'is not', null)
		.orderBy('classEvaluations.submittedAt', 'desc')
		.orderBy('classEvaluations.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => r.remark ?? '').filter((text) => text.trim() !== '');
}
