import { beforeEach, expect, it } from 'vitest';
import { useHandle } from '../../src/lib/server/db';
import { classEvaluation, submitEvaluation } from '../../src/lib/server/evaluations/evaluation.service';
import {
	addQuestion,
	maxActiveQuestions,
	moveQuestion,
	setQuestionActive,
	teacherQuestions,
	updateQuestionText
} from '../../src/lib/server/evaluations/questions.service';
import { bookSlot, cancelBooking } from '../../src/lib/server/workshops/trainers/booking.service';
import { exportMyData } from '../../src/lib/server/privacy/my-data.service';
import { trainerSlotPage } from '../../src/lib/server/workshops/trainers/trainer-slot-page.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { evaluationWorld, given, twoQuestions, type EvaluationWorld } from './support/evaluation-fixtures';
import type { TrainerActor } from './support/workshop-fixtures';

/** Issue 19.1: what trainers see of the teachers' evaluations, and how coordinators define the questions. */
describeEachDatabase('evaluation views and questions', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	const asUser = (w: EvaluationWorld, t: TrainerActor) => ({ ...t, organisationId: t.email.endsWith('@weljong.be') ? w.welJong : w.cavaria });
	const page = (w: EvaluationWorld, t: TrainerActor, slotId: number) => trainerSlotPage(ctx.db, asUser(w, t), slotId);

	it("shows a booked trainer the answers about their own workshop, with the teacher's name only when shared", async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		await bookSlot(ctx.db, w.ben, w.centrumSlot);
		await cancelBooking(ctx.db, w.ben, w.centrumSlot, 'Ziek');
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		await given(ctx.db, w.chris, w.noordSlot);
		const [class5A, class5B] = w.centrum.classIds;
		await submitEvaluation(ctx.db, w.centrum.teacher, class5A, {
			scores: { [q1]: 4, [q2]: 5 },
			remark: 'Fijne workshop, graag opnieuw.',
			shareName: false,
			shareRemark: false
		});
		await submitEvaluation(ctx.db, w.centrum.teacher, class5B, { scores: { [q1]: 2, [q2]: 3 }, remark: null, shareName: true, shareRemark: false });

		// 5B's teacher shared the name: shown with it. 5A's did not, and is the only one: held back, not traceable.
		const annas = (await page(w, w.anna, w.centrumSlot)).evaluations!;
		expect(annas.withheld).toBe(1);
		expect(annas.items.map((e) => [e.className, e.teacher, e.remark])).toEqual([['5B', 'lies', null]]);
		expect(annas.items[0].scores.map((s) => [s.textEn, s.score])).toEqual([
			['Did the workshop suit your class?', 2],
			['Would you recommend it?', 3]
		]);
		expect(JSON.stringify(annas)).not.toContain('graag opnieuw');

		// Ben's booking was cancelled: he still sees the slot, but none of it. Chris gave another workshop.
		const bens = await page(w, w.ben, w.centrumSlot);
		expect(bens.evaluations).toBeNull();
		expect(JSON.stringify(bens)).not.toContain('graag opnieuw');
		await expect(page(w, w.chris, w.centrumSlot)).rejects.toMatchObject({ messageKey: 'error_not_found' });
		expect((await page(w, w.chris, w.noordSlot)).evaluations).toEqual({ items: [], withheld: 0 });
	});

	it('shows answers without a name only as a settled group of at least two, without classes, never one at a time', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		const [class5A, class5B] = w.centrum.classIds;
		const unnamed = { shareName: false, shareRemark: false };
		await submitEvaluation(ctx.db, w.centrum.teacher, class5A, { scores: { [q1]: 4, [q2]: 5 }, remark: 'Fijne workshop.', ...unnamed });
		expect((await page(w, w.anna, w.centrumSlot)).evaluations).toEqual({ items: [], withheld: 1 });
		// Both classes answered, but the second can still be changed this week: still held back.
		advance(3 * 86_400_000);
		await submitEvaluation(ctx.db, w.centrum.teacher, class5B, { scores: { [q1]: 2, [q2]: 3 }, remark: null, ...unnamed });
		expect((await page(w, w.anna, w.centrumSlot)).evaluations!.withheld).toBe(2);
		advance(7 * 86_400_000);
		const settled = (await page(w, w.anna, w.centrumSlot)).evaluations!;
		expect(settled.withheld).toBe(0);
		expect(settled.items.map((e) => [e.className, e.teacher, e.scores.map((s) => s.score)])).toEqual([
			[null, null, [2, 3]],
			[null, null, [4, 5]]
		]);
		expect(JSON.stringify(settled)).not.toMatch(/5A|5B|lies/);
	});

	it('shows no evaluations box on a workshop whose campaign asks no question', async () => {
		const w = await evaluationWorld(ctx.db);
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		expect((await page(w, w.anna, w.centrumSlot)).evaluations).toBeNull();
	});

	it("puts the evaluations a teacher answered in that teacher's data export, and in nobody else's", async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		await submitEvaluation(ctx.db, w.centrum.teacher, w.centrum.classIds[0], {
			scores: { [q1]: 4, [q2]: 5 },
			remark: 'Heel fijn.',
			shareName: true,
			shareRemark: true
		});

		const mine = await exportMyData(ctx.db, w.centrum.teacher.id);
		expect(mine.evaluations).toEqual([
			{
				className: '5A',
				remark: 'Heel fijn.',
				shareName: true,
				shareRemark: true,
				submittedAt: '2027-05-14T08:00:00.000Z',
				updatedAt: '2027-05-14T08:00:00.000Z',
				scores: [
					{ questionNl: 'Sloot de workshop aan bij je klas?', questionEn: 'Did the workshop suit your class?', score: 4 },
					{ questionNl: 'Zou je hem aanraden?', questionEn: 'Would you recommend it?', score: 5 }
				]
			}
		]);
		expect((await exportMyData(ctx.db, w.anna.id)).evaluations).toEqual([]);
	});

	it('lets a coordinator add, word, reorder and deactivate questions, audited, and never delete one', async () => {
		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		const q3 = await addQuestion(ctx.db, w.coordinator, w.campaignId, { textNl: 'Was de duur goed?', textEn: 'Was the length right?' });
		await moveQuestion(ctx.db, w.coordinator, w.campaignId, q3, 'up');
		await moveQuestion(ctx.db, w.coordinator, w.campaignId, q1, 'up'); // already first: nothing moves
		await updateQuestionText(ctx.db, w.coordinator, w.campaignId, q2, { textNl: 'Raad je hem aan?', textEn: 'Do you recommend it?' });
		await setQuestionActive(ctx.db, w.coordinator, w.campaignId, q1, false);

		const questions = await teacherQuestions(ctx.db, w.campaignId);
		expect(questions.map((q) => [q.id, q.textNl, q.active])).toEqual([
			[q1, 'Sloot de workshop aan bij je klas?', null],
			[q3, 'Was de duur goed?', 1],
			[q2, 'Raad je hem aan?', 1]
		]);
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		const form = await classEvaluation(ctx.db, w.centrum.teacher, w.centrum.classIds[0]);
		expect(form!.questions.map((q) => q.id)).toEqual([q3, q2]);

		const audit = await ctx.db
			.selectFrom('auditLog')
			.select('action')
			.where('entityType', '=', 'campaign')
			.where('entityId', '=', String(w.campaignId))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'campaign.question_added',
			'campaign.question_added',
			'campaign.question_added',
			'campaign.question_moved',
			'campaign.question_moved',
			'campaign.question_updated',
			'campaign.question_deactivated'
		]);
	});

	it('refuses questions from anyone but a coordinator, and more than the maximum at once', async () => {
		const w = await evaluationWorld(ctx.db);
		const text = { textNl: 'Vraag', textEn: 'Question' };
		await expect(addQuestion(ctx.db, w.anna, w.campaignId, text)).rejects.toMatchObject({ messageKey: 'error_forbidden' });
		await expect(addQuestion(ctx.db, w.coordinator, w.campaignId + 1000, text)).rejects.toMatchObject({ messageKey: 'error_not_found' });
		const ids: number[] = [];
		for (let i = 0; i < maxActiveQuestions; i++) ids.push(await addQuestion(ctx.db, w.coordinator, w.campaignId, text));
		await expect(addQuestion(ctx.db, w.coordinator, w.campaignId, text)).rejects.toMatchObject({ messageKey: 'tev_error_too_many' });
		await setQuestionActive(ctx.db, w.coordinator, w.campaignId, ids[0], false);
		await addQuestion(ctx.db, w.coordinator, w.campaignId, text);
		await expect(setQuestionActive(ctx.db, w.coordinator, w.campaignId, ids[0], true)).rejects.toMatchObject({ messageKey: 'tev_error_too_many' });
		expect(await teacherQuestions(ctx.db, w.campaignId)).toHaveLength(maxActiveQuestions + 1);
	});
});
