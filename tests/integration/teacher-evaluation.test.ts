import { beforeEach, expect, it } from 'vitest';
import { useHandle } from '../../src/lib/server/db';
import { days } from '../../src/lib/server/db/time';
import { classEvaluation, submitEvaluation } from '../../src/lib/server/evaluations/evaluation.service';
import { setQuestionActive } from '../../src/lib/server/evaluations/questions.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { evaluationSchema } from '../../src/lib/schemas/evaluation';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createUser } from './support/fixtures';
import { evaluationWorld, given, invitations, twoQuestions, type EvaluationWorld } from './support/evaluation-fixtures';

/** Issue 19.1: after a given workshop, each class's teacher evaluates it once, and may change it for a week. */
describeEachDatabase('teacher evaluation', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	const toAfterWorkshops = (w: EvaluationWorld) => advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
	const answer = (scores: Record<number, number>, more: { remark?: string | null; shareName?: boolean; shareRemark?: boolean } = {}) => ({
		scores,
		remark: more.remark ?? null,
		shareName: more.shareName ?? false,
		shareRemark: more.shareRemark ?? false
	});
	const evaluationRows = () => ctx.db.selectFrom('classEvaluations').selectAll().orderBy('id').execute();
	const scoreRows = () => ctx.db.selectFrom('classEvaluationScores').select(['questionId', 'score']).orderBy('questionId').execute();

	it('invites each class teacher once, in their language, when a workshop is reported given', async () => {
		const w = await evaluationWorld(ctx.db);
		await twoQuestions(ctx.db, w);
		toAfterWorkshops(w);
		await given(ctx.db, w.anna, w.centrumSlot);
		await given(ctx.db, w.anna, w.centrumSlot); // a corrected report
		await given(ctx.db, w.chris, w.noordSlot);

		const mails = await invitations(ctx.db);
		expect(mails.map((m) => [m.recipient, m.locale])).toEqual([
			['lies@school.be', 'nl'],
			['lies@school.be', 'nl'],
			['tom@school.be', 'en'],
			['tom@school.be', 'en']
		]);
		expect(mails[0].subject).toContain('Hoe was de workshop? Evaluatie 5A');
		expect(mails[0].bodyText).toContain(`/teacher/classes/${w.centrum.classIds[0]}#evaluation`);
		expect(mails[1].bodyText).toContain(`/teacher/classes/${w.centrum.classIds[1]}#evaluation`);
		expect(mails[2].subject).toContain('How was the workshop? Evaluation 6A');
		expect(new Set(mails.map((m) => m.dedupeKey)).size).toBe(4);
	});

	it('invites nobody for a workshop not given, nor when the campaign asks no (active) question', async () => {
		const w = await evaluationWorld(ctx.db);
		toAfterWorkshops(w);
		await given(ctx.db, w.anna, w.centrumSlot); // no questions at all
		const [first, second] = await twoQuestions(ctx.db, w);
		await reportWorkshop(ctx.db, w.chris, w.noordSlot, { outcome: 'not_given', notGivenReason: 'class_absent', note: null });
		expect(await invitations(ctx.db)).toEqual([]);

		await setQuestionActive(ctx.db, w.coordinator, w.campaignId, first, false);
		await setQuestionActive(ctx.db, w.coordinator, w.campaignId, second, false);
		await given(ctx.db, w.chris, w.noordSlot); // only deactivated questions
		expect(await invitations(ctx.db)).toEqual([]);
	});

	it('takes one evaluation per class, changed within the week and refused after it', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		const [class5A] = w.centrum.classIds;
		const lies = w.centrum.teacher;
		toAfterWorkshops(w);
		await given(ctx.db, w.anna, w.centrumSlot);

		expect(await submitEvaluation(ctx.db, lies, class5A, answer({ [q1]: 4, [q2]: 5 }, { remark: 'Heel boeiend.' }))).toBe('submitted');
		advance(days(6));
		expect(await submitEvaluation(ctx.db, lies, class5A, answer({ [q1]: 2, [q2]: 3 }, { shareName: true }))).toBe('updated');
		const [row] = await evaluationRows();
		expect(await evaluationRows()).toHaveLength(1);
		expect(row).toMatchObject({ classId: class5A, answeredBy: lies.id, remark: null, shareName: 1 });
		expect(await scoreRows()).toEqual([
			{ questionId: q1, score: 2 },
			{ questionId: q2, score: 3 }
		]);
		const view = await classEvaluation(ctx.db, lies, class5A);
		expect(view).toMatchObject({ mine: true, answered: true, canEdit: true });

		advance(days(1)); // seven days after the first submission
		await expect(submitEvaluation(ctx.db, lies, class5A, answer({ [q1]: 5, [q2]: 5 }))).rejects.toMatchObject({ messageKey: 'tev_error_locked' });
		expect(await scoreRows()).toEqual([
			{ questionId: q1, score: 2 },
			{ questionId: q2, score: 3 }
		]);
		const locked = await classEvaluation(ctx.db, lies, class5A);
		expect(locked).toMatchObject({ canEdit: false, shareName: true });
		expect(locked!.questions.map((q) => q.score)).toEqual([2, 3]);
		const audit = await ctx.db.selectFrom('auditLog').select(['action', 'afterJson']).where('action', 'like', 'evaluation.%').orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['evaluation.submitted', 'evaluation.updated']);
		expect(audit[0].afterJson).not.toContain('boeiend');
	});

	it('keeps one evaluation when two submissions of a class meet (the class is locked first)', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		toAfterWorkshops(w);
		await given(ctx.db, w.anna, w.centrumSlot);
		const submit = (score: number) => submitEvaluation(ctx.db, w.centrum.teacher, w.centrum.classIds[0], answer({ [q1]: score, [q2]: score }));
		const outcomes = await Promise.all([submit(1), submit(5)]);
		expect(outcomes.sort()).toEqual(['submitted', 'updated']);
		expect(await evaluationRows()).toHaveLength(1);
		expect(await scoreRows()).toHaveLength(2);
	});

	it('lets only the teacher who enrolled the class answer, and only after the workshop was given', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		const [class5A] = w.centrum.classIds;
		const scores = answer({ [q1]: 3, [q2]: 3 });
		toAfterWorkshops(w);
		await expect(submitEvaluation(ctx.db, w.centrum.teacher, class5A, scores)).rejects.toMatchObject({ messageKey: 'tev_error_not_open' });
		expect(await classEvaluation(ctx.db, w.centrum.teacher, class5A)).toBeNull();
		await given(ctx.db, w.anna, w.centrumSlot);

		const colleagueId = await createUser(ctx.db, { email: 'an@school.be', roles: ['teacher'], campusId: w.centrum.campusId, name: 'An' });
		const colleague = { id: colleagueId, displayName: 'An', roles: ['teacher' as const] };
		await expect(submitEvaluation(ctx.db, colleague, class5A, scores)).rejects.toMatchObject({ messageKey: 'tev_error_not_yours' });
		await expect(submitEvaluation(ctx.db, w.noord.teacher, class5A, scores)).rejects.toMatchObject({ messageKey: 'error_not_found' });
		await expect(submitEvaluation(ctx.db, w.anna, class5A, scores)).rejects.toMatchObject({ messageKey: 'error_not_found' });
		expect(await count(ctx.db, 'classEvaluations')).toBe(0);
		expect(await classEvaluation(ctx.db, colleague, class5A)).toMatchObject({ mine: false, answered: false, questions: [] });
	});

	it('refuses a score out of range or missing, on the form and in the service, and writes nothing', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		const [class5A] = w.centrum.classIds;
		toAfterWorkshops(w);
		await given(ctx.db, w.anna, w.centrumSlot);
		const audits = await count(ctx.db, 'auditLog');

		const parsed = evaluationSchema.safeParse({ [`score_${q1}`]: '6', [`score_${q2}`]: '3', remark: '' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual([`score_${q1}`]);
		const unanswered = evaluationSchema.safeParse({ asked: `${q1},${q2}`, [`score_${q2}`]: '3' });
		expect(unanswered.error!.issues.map((i) => i.path.join('.'))).toEqual([`score_${q1}`]);
		expect(evaluationSchema.parse({ [`score_${q1}`]: '1', [`score_${q2}`]: '5', shareName: '1' })).toEqual({
			remark: null,
			shareName: true,
			shareRemark: false,
			scores: { [q1]: 1, [q2]: 5 }
		});

		for (const scores of [{ [q1]: 6, [q2]: 3 }, { [q1]: 0, [q2]: 3 }, { [q1]: 2.5, [q2]: 3 }, { [q1]: 4 }]) {
			await expect(submitEvaluation(ctx.db, w.centrum.teacher, class5A, answer(scores))).rejects.toMatchObject({ messageKey: 'tev_v_score' });
		}
		await expect(submitEvaluation(ctx.db, w.centrum.teacher, class5A, answer({ [q1]: 4 }))).rejects.toMatchObject({ field: `score_${q2}` });
		await expect(submitEvaluation(ctx.db, w.centrum.teacher, class5A, answer({ [q1]: 4, [q2]: 4 }, { remark: 'x'.repeat(1001) }))).rejects.toMatchObject({
			messageKey: 'v_too_long'
		});
		expect(await count(ctx.db, 'classEvaluations')).toBe(0);
		expect(await count(ctx.db, 'classEvaluationScores')).toBe(0);
		expect(await count(ctx.db, 'auditLog')).toBe(audits);
	});
});
