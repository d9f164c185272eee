import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { assertTeacherOfCampus } from '../auth/campus-access';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { addMs, clock, days, fromDbTime, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { limits } from '../../limits';
import { scoreField, type EvaluationInput } from '../../schemas/evaluation';
import { lockClasses } from '../workshops/slots/slot-locks.repository';
import * as repo from './evaluation.repository';
import { listActiveQuestionsOfEdition } from './questions.repository';

/** How long after the first submission a teacher may still change the evaluation. */
export const editableFor = days(7);

type ClassRow = NonNullable<Awaited<ReturnType<typeof repo.findClassForEvaluation>>>;
type EvaluationRow = NonNullable<Awaited<ReturnType<typeof repo.findEvaluation>>>;

const editableUntil = (evaluation: EvaluationRow | undefined) => (evaluation ? addMs(fromDbTime(evaluation.submittedAt), editableFor) : null);

/** Whether answers are taken for the class now: still enrolled, a given workshop, an edition still running, questions to answer. */
const open = (cls: ClassRow, questionCount: number) =>
	cls.status === 'enrolled' && Number(cls.given) > 0 && cls.editionStatus !== 'archived' && questionCount > 0;

/**
 * The evaluation section of a class page (issue 19.1), or null when there is
 * nothing to show. Only the teacher who enrolled the class answers; a colleague
 * of the campus learns only whether it was answered. Within a week of the first
 * submission the form comes back filled in; after that the answers are read-only.
 */
export async function classEvaluation(db: Db, actor: Actor, classId: number) {
	const cls = await repo.findClassForEvaluation(db, classId);
	if (!cls) throw new NotFoundError();
	await assertTeacherOfCampus(db, actor, cls.campusId, () => new NotFoundError());
	const [evaluation, active] = await Promise.all([repo.findEvaluation(db, classId), listActiveQuestionsOfEdition(db, cls.editionId, 'teacher')]);
	if (!evaluation && !open(cls, active.length)) return null;
	const mine = cls.enrolledBy === actor.id;
	if (!mine)
		return {
			mine,
			answered: Boolean(evaluation),
			canEdit: false,
			questions: [],
			remark: null,
			shareName: false,
			shareRemark: false,
			submittedAt: null,
			editableUntil: null
		};
	const answers = evaluation ? await repo.listScoresWithQuestions(db, [evaluation.id]) : [];
	const until = editableUntil(evaluation);
	const canEdit = open(cls, active.length) && (until === null || clock.now() < until);
	const scoreOf = (questionId: number) => answers.find((a) => a.questionId === questionId)?.score ?? null;
	return {
		mine,
		answered: Boolean(evaluation),
		canEdit,
		// The form asks today's questions; read-only answers show the questions they answered.
		questions: canEdit
			? active.map((q) => ({ id: q.id, textNl: q.textNl, textEn: q.textEn, score: scoreOf(q.id) }))
			: answers.map((a) => ({ id: a.questionId, textNl: a.textNl, textEn: a.textEn, score: a.score as number | null })),
		remark: evaluation?.remark ?? null,
		shareName: evaluation?.shareName === 1,
		shareRemark: evaluation?.shareRemark === 1,
		submittedAt: evaluation ? fromDbTime(evaluation.submittedAt) : null,
		editableUntil: until
	};
}

export type ClassEvaluation = NonNullable<Awaited<ReturnType<typeof classEvaluation>>>;

/** Every active question needs a score from 1 to 5; anything else is refused before a row is written. */
function scoresFor(questions: { id: number }[], input: EvaluationInput) {
	return questions.map((q) => {
		const score = input.scores[q.id];
		if (!Number.isInteger(score) || score < 1 || score > 5) throw new ValidationError('tev_v_score', scoreField(q.id));
		return { questionId: q.id, score };
	});
}

/**
 * A teacher answers (or, within the week, changes) the evaluation of a class they
 * enrolled. The class is locked first, so two submissions of one class queue up
 * (the unique class key would refuse the second insert anyway). Audited without
 * the remark, which is the teacher's own words for the trainers.
 */
export async function submitEvaluation(db: Kysely<Database>, actor: Actor, classId: number, input: EvaluationInput): Promise<'submitted' | 'updated'> {
	if (input.remark !== null && input.remark.length > limits.evaluationRemark)
		throw new ValidationError('v_too_long', 'remark', { max: limits.evaluationRemark });
	return withTransaction(db, async (trx) => {
		await lockClasses(trx, [classId]);
		const cls = await repo.findClassForEvaluation(trx, classId);
		if (!cls) throw new NotFoundError();
		await assertTeacherOfCampus(trx, actor, cls.campusId, () => new NotFoundError());
		if (cls.enrolledBy !== actor.id) throw new ForbiddenError('tev_error_not_yours');
		const questions = await listActiveQuestionsOfEdition(trx, cls.editionId, 'teacher');
		if (!open(cls, questions.length)) throw new ConflictError('tev_error_not_open');
		const evaluation = await repo.findEvaluation(trx, classId);
		const until = editableUntil(evaluation);
		if (until && clock.now() >= until) throw new ConflictError('tev_error_locked');
		const scores = scoresFor(questions, input);
		const row = {
			remark: input.remark,
			shareName: input.shareName ? (1 as const) : (0 as const),
			shareRemark: input.shareRemark ? (1 as const) : (0 as const)
		};
		const id = evaluation ? evaluation.id : await repo.insertEvaluation(trx, { classId, answeredBy: actor.id, ...row }, nowDb());
		if (evaluation) await repo.updateEvaluation(trx, id, row, nowDb());
		await repo.replaceScores(trx, id, scores);
		const action = evaluation ? 'updated' : 'submitted';
		const after = {
			scores: Object.fromEntries(scores.map((s) => [s.questionId, s.score])),
			shareName: input.shareName,
			shareRemark: input.shareRemark,
			remarkGiven: input.remark !== null
		};
		await audit(trx, { actorId: actor.id, action: `evaluation.${action}`, entityType: 'class', entityId: classId, after });
		return action;
	});
}

/** The evaluations a person answered, with their scores, as their data export shows them. */
export async function evaluationsAnsweredBy(db: Db, userId: number) {
	const rows = await repo.listEvaluationsAnsweredBy(db, userId);
	const scores = await repo.listScoresWithQuestions(
		db,
		rows.map((r) => r.id)
	);
	return rows.map(({ id, shareName, shareRemark, ...r }) => ({
		...r,
		shareName: shareName === 1,
		shareRemark: shareRemark === 1,
		submittedAt: fromDbTime(r.submittedAt).toISOString(),
		updatedAt: fromDbTime(r.updatedAt).toISOString(),
		scores: scores.filter((s) => s.evaluationId === id).map((s) => ({ questionNl: s.textNl, questionEn: s.textEn, score: s.score }))
	}));
}
