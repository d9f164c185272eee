import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb } from '../../../src/lib/server/db/time';
import { addQuestion } from '../../../src/lib/server/evaluations/questions.service';
import { minGroupSetting } from '../../../src/lib/server/pupil-survey/group-size';
import { insertClass, reportedSlot, reportWorld } from './campaign-report-fixtures';

/**
 * Issue 19.4's world: the report's world (PAARS 2027 with four classes whose
 * workshop was given, PAARS 2026 with one) and the campaign's teacher questions.
 * Evaluations are written as the evaluation form leaves them, straight into the
 * tables, so a test sets the scores, remarks and days it needs.
 */
export async function impactWorld(db: Kysely<Database>) {
	const w = await reportWorld(db);
	const campaignId = (await db.selectFrom('editions').select('campaignId').where('id', '=', w.editionId).executeTakeFirstOrThrow()).campaignId;
	const q1 = await addQuestion(db, w.coordinator, campaignId, { textNl: 'Sloot de workshop aan bij je klas?', textEn: 'Did the workshop suit your class?' });
	const q2 = await addQuestion(db, w.coordinator, campaignId, { textNl: 'Zou je hem aanraden?', textEn: 'Would you recommend it?' });
	const classes2027 = (await db.selectFrom('classes').select('id').where('editionId', '=', w.editionId).orderBy('id').execute()).map((c) => c.id);
	return { ...w, campaignId, q1, q2, classes2027 };
}

export type ImpactWorld = Awaited<ReturnType<typeof impactWorld>>;

/** `n` more classes of Campus Centrum in the edition, all in one given workshop on `localDate`. */
export async function givenClasses(db: Kysely<Database>, w: ImpactWorld, editionId: number, localDate: string, n: number): Promise<number[]> {
	const ids: number[] = [];
	for (let i = 0; i < n; i++) ids.push(await insertClass(db, editionId, w.centrum.campusId, `X${localDate.slice(2, 4)}${i}`, 20, w.centrum.teacher.id));
	await reportedSlot(db, w, { editionId, campusId: w.centrum.campusId, localDate, trainers: [w.anna.id], classIds: ids, outcome: 'given' });
	return ids;
}

/** A teacher's evaluation of a class: scores by question id, an optional remark, shared or not. */
export async function evaluate(
	db: Kysely<Database>,
	w: ImpactWorld,
	classId: number,
	scores: Record<number, number>,
	opts: { remark?: string; shareRemark?: boolean; at?: string } = {}
): Promise<void> {
	const at = opts.at ?? nowDb();
	const r = await db
		.insertInto('classEvaluations')
		.values({
			classId,
			answeredBy: w.centrum.teacher.id,
			remark: opts.remark ?? null,
			shareName: 1,
			shareRemark: opts.shareRemark ? 1 : 0,
			submittedAt: at,
			updatedAt: at
		})
		.executeTakeFirstOrThrow();
	const evaluationId = Number(r.insertId);
	for (const [questionId, score] of Object.entries(scores))
		await db
			.insertInto('classEvaluationScores')
			.values({ evaluationId, questionId: Number(questionId), score })
			.execute();
}

/** The privacy settings' minimum group (5 to 50; unset: 10). */
export const setMinGroup = (db: Kysely<Database>, n: number) =>
	db
		.insertInto('settings')
		.values({ key: minGroupSetting, value: String(n), valueNl: null, valueEn: null, updatedAt: nowDb(), updatedBy: null })
		.execute();
