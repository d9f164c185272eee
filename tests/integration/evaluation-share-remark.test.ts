import { beforeEach, expect, it } from 'vitest';
import { useHandle } from '../../src/lib/server/db';
import { classEvaluation, submitEvaluation } from '../../src/lib/server/evaluations/evaluation.service';
import { exportMyData } from '../../src/lib/server/privacy/my-data.service';
import { evaluationSchema } from '../../src/lib/schemas/evaluation';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { evaluationWorld, given, twoQuestions } from './support/evaluation-fixtures';

/** Issue 19.4: a teacher chooses whether their remark may go, without a name, into the council report. */
describeEachDatabase('sharing an evaluation remark with the council report', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	it('is off unless ticked, saved, changed within the week, and in the teacher’s own data export', async () => {
		const parsed = (form: Record<string, string>) => evaluationSchema.parse(form).shareRemark;
		expect(parsed({ remark: 'Fijn.' })).toBe(false);
		expect(parsed({ remark: 'Fijn.', shareRemark: '1' })).toBe(true);

		const w = await evaluationWorld(ctx.db);
		const [q1, q2] = await twoQuestions(ctx.db, w);
		const [class5A] = w.centrum.classIds;
		const lies = w.centrum.teacher;
		advance(Date.parse(w.after) - Date.parse('2027-04-01T08:00:00Z'));
		await given(ctx.db, w.anna, w.centrumSlot);
		const answer = (shareRemark: boolean) => ({ scores: { [q1]: 4, [q2]: 5 }, remark: 'Een aanrader.', shareName: false, shareRemark });
		const stored = async () =>
			(await ctx.db.selectFrom('classEvaluations').select('shareRemark').where('classId', '=', class5A).executeTakeFirstOrThrow()).shareRemark;

		await submitEvaluation(ctx.db, lies, class5A, answer(true));
		expect(await stored()).toBe(1);
		expect(await classEvaluation(ctx.db, lies, class5A)).toMatchObject({ shareRemark: true, shareName: false });
		await submitEvaluation(ctx.db, lies, class5A, answer(false));
		expect(await stored()).toBe(0);
		expect(await classEvaluation(ctx.db, lies, class5A)).toMatchObject({ shareRemark: false });
		expect((await exportMyData(ctx.db, lies.id)).evaluations[0]).toMatchObject({ remark: 'Een aanrader.', shareName: false, shareRemark: false });
		const audit = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'evaluation.updated').executeTakeFirstOrThrow();
		expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({ shareRemark: false });
	});
});
