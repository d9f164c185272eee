import { beforeEach, expect, it } from 'vitest';
import { answerQuestionnaire, questionnaireFor } from '../../src/lib/server/pupil-survey/answer.service';
import { classSurveys, closeSurvey, openSurvey } from '../../src/lib/server/pupil-survey/class-survey.service';
import { deviceMark } from '../../src/lib/server/pupil-survey/survey-code';
import { deleteExpiredMarks } from '../../src/lib/server/pupil-survey/survey.repository';
import { ConflictError, FieldRefusals, ForbiddenError } from '../../src/lib/server/errors';
import { nowDb } from '../../src/lib/server/db/time';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser } from './support/fixtures';
import { pupilWorld, surveyCode, type PupilWorld } from './support/pupil-survey-fixtures';

/**
 * The pupils' questionnaire (issue 19.2): a class's teacher opens it for a while,
 * pupils answer on their phones without any account, once per device, never more
 * answers than the class has pupils, and nothing that points at a pupil is kept.
 */
describeEachDatabase('the pupils’ questionnaire', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 8 });
	let w: PupilWorld;
	let move: (ms: number) => Date;
	let classId: number;

	beforeEach(async () => {
		move = freezeClock('2027-05-12T09:00:00Z');
		w = await pupilWorld(ctx.db);
		classId = w.centrum.classIds[0];
	});

	const scores = (score: number | null) => Object.fromEntries(w.questions.map((q) => [`q${q}`, score === null ? '' : String(score)]));
	const device = (n: number) => `device-${n}-0123456789abcdefghij`;
	const answerCount = async () =>
		Number(
			(
				await ctx.db
					.selectFrom('pupilAnswers')
					.select((e) => e.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('lets each device answer once while it is open, and keeps nothing that points at a pupil', async () => {
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 45);
		const code = await surveyCode(ctx.db, classId);
		const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;

		const view = await questionnaireFor(ctx.db, typed, device(1), 'en');
		expect(view.state).toBe('open');
		expect(view.questions.map((q) => q.text)).toEqual(['I know where to get help.', 'I would react if a classmate is bullied.']);
		// The page names the campaign and the moment, never the class or its school.
		expect(JSON.stringify(view)).not.toMatch(/5A|Campus Centrum|lies/);

		await answerQuestionnaire(ctx.db, code, device(1), scores(4));
		expect((await questionnaireFor(ctx.db, code, device(1), 'nl')).state).toBe('answered');
		await expect(answerQuestionnaire(ctx.db, code, device(1), scores(2))).rejects.toMatchObject({ messageKey: 'pq_already' });
		await answerQuestionnaire(ctx.db, code, device(2), scores(5));
		expect(await answerCount()).toBe(2);

		// Every column written, read back: a day, scores and a hash; no time, device, address or name.
		const answers = await ctx.db.selectFrom('pupilAnswers').selectAll().orderBy('id').execute();
		expect(answers.map((a) => Object.keys(a).sort())).toEqual([
			['answeredOn', 'id', 'surveyId'],
			['answeredOn', 'id', 'surveyId']
		]);
		expect(answers.map((a) => String(a.answeredOn).slice(0, 10))).toEqual(['2027-05-12', '2027-05-12']);
		const stored = await ctx.db.selectFrom('pupilAnswerScores').select(['questionId', 'score']).orderBy('answerId').orderBy('questionId').execute();
		expect(stored.map((s) => s.score)).toEqual([4, 4, 5, 5]);
		const marks = await ctx.db.selectFrom('pupilDeviceMarks').selectAll().execute();
		expect(marks.map((m) => Object.keys(m).sort())).toEqual([
			['expiresAt', 'mark', 'surveyId'],
			['expiresAt', 'mark', 'surveyId']
		]);
		for (const mark of marks) {
			expect(mark.mark).toMatch(/^[0-9a-f]{64}$/);
			expect(mark.mark).not.toContain('device');
		}
		expect(marks.map((m) => m.mark).sort()).toEqual([deviceMark(marks[0].surveyId, device(1)), deviceMark(marks[0].surveyId, device(2))].sort());
		// Answering is not audited: an audit entry would tie a moment to an answer.
		expect(await ctx.db.selectFrom('auditLog').select('action').where('action', 'like', 'pupil%').execute()).toEqual([{ action: 'pupil_survey.opened' }]);
	});

	it('refuses an answer with a question left open, at that question, writing nothing', async () => {
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 20);
		const code = await surveyCode(ctx.db, classId);
		const refused = await answerQuestionnaire(ctx.db, code, device(1), { [`q${w.questions[0]}`]: '3', [`q${w.questions[1]}`]: '6' }).catch((e) => e);
		expect(refused).toBeInstanceOf(FieldRefusals);
		expect(Object.keys((refused as FieldRefusals).fields)).toEqual([`q${w.questions[1]}`]);
		expect(await answerCount()).toBe(0);
		expect(await ctx.db.selectFrom('pupilDeviceMarks').selectAll().execute()).toEqual([]);
	});

	it('closes when its time is up or its teacher closes it, and never reopens once it has answers', async () => {
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 20);
		const code = await surveyCode(ctx.db, classId);
		await answerQuestionnaire(ctx.db, code, device(1), scores(3));
		move(21 * 60_000);
		expect((await questionnaireFor(ctx.db, code, device(2), 'nl')).state).toBe('closed');
		await expect(answerQuestionnaire(ctx.db, code, device(2), scores(3))).rejects.toMatchObject({ messageKey: 'pq_closed' });
		await expect(openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 20)).rejects.toMatchObject({ messageKey: 'pq_error_reopen' });

		// Another class's questionnaire, closed by its teacher before anyone answered, may open again.
		const other = w.centrum.classIds[1];
		await openSurvey(ctx.db, w.centrum.teacher, other, 'after', 45);
		await closeSurvey(ctx.db, w.centrum.teacher, other, 'after');
		const otherCode = await surveyCode(ctx.db, other);
		expect((await questionnaireFor(ctx.db, otherCode, device(3), 'nl')).state).toBe('closed');
		await openSurvey(ctx.db, w.centrum.teacher, other, 'after', 45);
		expect((await questionnaireFor(ctx.db, otherCode, device(3), 'nl')).state).toBe('open');
		expect(await surveyCode(ctx.db, other)).toBe(otherCode);
	});

	it('takes no more answers than the class has pupils, also when they all send at once', async () => {
		await ctx.db.updateTable('classes').set({ pupilCount: 12 }).where('id', '=', classId).execute();
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 45);
		const code = await surveyCode(ctx.db, classId);
		const results = await Promise.allSettled([
			...Array.from({ length: 16 }, (_, i) => answerQuestionnaire(ctx.db, code, device(i), scores(4))),
			// One phone sending three times at once.
			...Array.from({ length: 3 }, () => answerQuestionnaire(ctx.db, code, device(99), scores(2)))
		]);
		const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
		expect(refusals.every((e) => e instanceof ConflictError)).toBe(true);
		expect(await answerCount()).toBe(12);
		const fromPhone99 = await ctx.db
			.selectFrom('pupilDeviceMarks')
			.select('mark')
			.where('mark', '=', deviceMark((await ctx.db.selectFrom('pupilSurveys').select('id').executeTakeFirstOrThrow()).id, device(99)))
			.execute();
		expect(fromPhone99.length).toBeLessThanOrEqual(1);
		expect((await questionnaireFor(ctx.db, code, device(50), 'nl')).state).toBe('full');
	});

	it('is opened only by the teacher who enrolled the class, and asks "before" only when the campaign pairs them', async () => {
		const colleague = {
			id: await createUser(ctx.db, { email: 'an@school.be', roles: ['teacher'], campusId: w.centrum.campusId, name: 'An' }),
			displayName: 'An',
			roles: ['teacher' as const]
		};
		await expect(openSurvey(ctx.db, colleague, classId, 'after', 45)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await classSurveys(ctx.db, colleague, classId)).toBeNull();
		await expect(openSurvey(ctx.db, w.centrum.teacher, classId, 'before', 45)).rejects.toMatchObject({ field: 'moment' });
		await expect(openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 7)).rejects.toMatchObject({ field: 'minutes' });

		await ctx.db.updateTable('campaigns').set({ pupilBeforeAfter: 1 }).where('id', '=', w.campaignId).execute();
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'before', 45);
		const page = await classSurveys(ctx.db, w.centrum.teacher, classId);
		expect(page?.moments.map((m) => [m.moment, m.state])).toEqual([
			['before', 'open'],
			['after', 'never']
		]);
		const open = page!.moments[0];
		expect(open.state === 'open' && open.url).toMatch(/\/q\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(open.state === 'open' && open.qr.path.length).toBeGreaterThan(100);
	});

	it('forgets which devices answered a day after the questionnaire closed', async () => {
		await openSurvey(ctx.db, w.centrum.teacher, classId, 'after', 20);
		const code = await surveyCode(ctx.db, classId);
		await answerQuestionnaire(ctx.db, code, device(1), scores(3));
		move(20 * 60_000 + 23 * 3_600_000);
		await deleteExpiredMarks(ctx.db, nowDb());
		expect(await ctx.db.selectFrom('pupilDeviceMarks').selectAll().execute()).toHaveLength(1);
		move(2 * 3_600_000);
		await deleteExpiredMarks(ctx.db, nowDb());
		expect(await ctx.db.selectFrom('pupilDeviceMarks').selectAll().execute()).toEqual([]);
		expect(await answerCount()).toBe(1);
	});
});
