import type { Kysely } from 'kysely';
import { emailKey } from '../../../src/lib/server/db/keys';
import type { Database } from '../../../src/lib/server/db/schema';
import { addQuestion } from '../../../src/lib/server/evaluations/questions.service';
import { openSurvey } from '../../../src/lib/server/pupil-survey/class-survey.service';
import { formatSurveyCode } from '../../../src/lib/server/pupil-survey/survey-code';
import type { BenchContext } from '../context';
import { formPostHeaders, pageHeaders } from '../http';

/**
 * Issue 19's "done when": 1,000 pupils answer the questionnaire within a minute
 * on one edition. 40 classes of the Flanders edition get an open questionnaire
 * (through the teacher's own service, before the server starts); then 1,000
 * pupils, each with its own cookie jar, do what a phone without JavaScript does:
 * GET /q/CODE (which sets the device cookie), POST the scores as a form with
 * the origin header of Kit's CSRF check, and follow the 303. First at a steady
 * pace (all started within 55 s), then another 1,000 into 40 other classes as
 * fast as 50 phones at once can go.
 */
export const pupilsPerRun = 1000;
const classesPerRun = 40;
const perClass = pupilsPerRun / classesPerRun;
const steadySeconds = 55;
const steadyGapMs = (steadySeconds * 1000) / pupilsPerRun;
const burstConnections = 50;

export interface PupilPlan {
	questionIds: number[];
	/** Per run (steady, burst): the formatted codes of its 40 questionnaires and their ids. */
	runs: { codes: string[]; surveyIds: number[] }[];
}

export async function preparePupils(db: Kysely<Database>, editionId: number, coordinatorEmail: string): Promise<PupilPlan> {
	const coordinator = await db.selectFrom('users').select(['id', 'displayName']).where('emailKey', '=', emailKey(coordinatorEmail)).executeTakeFirstOrThrow();
	const actor = { ...coordinator, roles: ['coordinator' as const] };
	const { campaignId } = await db.selectFrom('editions').select('campaignId').where('id', '=', editionId).executeTakeFirstOrThrow();
	const questionIds: number[] = [];
	for (const [textNl, textEn] of [
		['Ik weet waar ik hulp kan vragen.', 'I know where to get help.'],
		['Ik zou reageren als een klasgenoot gepest wordt.', 'I would react if a classmate is bullied.'],
		['Iedereen mag zichzelf zijn in onze klas.', 'Everyone can be themselves in our class.']
	])
		questionIds.push(await addQuestion(db, actor, campaignId, { textNl, textEn }, 'pupil'));
	// Classes with room for 25 answers whose teacher still works at their campus (the service checks both).
	const classes = await db
		.selectFrom('classes')
		.innerJoin('teacherCampuses', (j) =>
			j.onRef('teacherCampuses.userId', '=', 'classes.enrolledBy').onRef('teacherCampuses.campusId', '=', 'classes.campusId')
		)
		.select(['classes.id', 'classes.enrolledBy'])
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '=', 'enrolled')
		.where('classes.pupilCount', '>=', perClass)
		.orderBy('classes.id')
		.limit(classesPerRun * 2)
		.execute();
	if (classes.length < classesPerRun * 2) throw new Error(`the edition has only ${classes.length} classes of ${perClass} pupils or more`);
	const runs: PupilPlan['runs'] = [];
	for (let r = 0; r < 2; r++) {
		const mine = classes.slice(r * classesPerRun, (r + 1) * classesPerRun);
		for (const c of mine) await openSurvey(db, { id: c.enrolledBy, displayName: 'Teacher', roles: ['teacher'] }, c.id, 'after', 240);
		const surveys = await db
			.selectFrom('pupilSurveys')
			.select(['id', 'code'])
			.where(
				'classId',
				'in',
				mine.map((c) => c.id)
			)
			.execute();
		runs.push({ codes: surveys.map((s) => formatSurveyCode(s.code)), surveyIds: surveys.map((s) => s.id) });
	}
	return { questionIds, runs };
}

interface Timings {
	page: number[];
	answer: number[];
	failures: string[];
}

/** One pupil: the page (device cookie), the answer, the page it is sent back to. Throws what went wrong. */
async function onePupil(origin: string, code: string, questionIds: number[], t: Timings): Promise<void> {
	const path = `/q/${code}`;
	let started = performance.now();
	const page = await fetch(`${origin}${path}`, { redirect: 'manual', headers: pageHeaders() });
	const html = await page.text();
	t.page.push(performance.now() - started);
	const cookie = page.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('sc_device='));
	if (page.status !== 200 || !cookie) throw new Error(`GET ${path}: ${page.status}${cookie ? '' : ', no device cookie'}`);
	if (!html.includes(`name="q${questionIds[0]}"`)) throw new Error(`GET ${path}: no open questionnaire`);
	const body = new URLSearchParams(questionIds.map((id) => [`q${id}`, String(1 + Math.floor(Math.random() * 5))]));
	started = performance.now();
	const answer = await fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...formPostHeaders(origin), cookie },
		body: body.toString()
	});
	await answer.arrayBuffer();
	t.answer.push(performance.now() - started);
	if (answer.status !== 303) throw new Error(`POST ${path}: ${answer.status}`);
	const after = await fetch(`${origin}${answer.headers.get('location')}`, { redirect: 'manual', headers: { ...pageHeaders(), cookie } });
	await after.arrayBuffer();
	if (after.status !== 200) throw new Error(`GET ${path} after answering: ${after.status}`);
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Pupil i goes to questionnaire i mod 40, so every class gets exactly 25 answers. */
async function runPupils(ctx: BenchContext, plan: PupilPlan, run: number, pace: 'steady' | 'burst'): Promise<Timings & { seconds: number }> {
	const t: Timings = { page: [], answer: [], failures: [] };
	const { codes } = plan.runs[run];
	const go = (i: number) =>
		onePupil(ctx.server.origin, codes[i % codes.length], plan.questionIds, t).catch((err) => void t.failures.push((err as Error).message));
	const started = performance.now();
	if (pace === 'steady') {
		await Promise.all(Array.from({ length: pupilsPerRun }, (_, i) => sleep(i * steadyGapMs - (performance.now() - started)).then(() => go(i))));
	} else {
		let next = 0;
		await Promise.all(
			Array.from({ length: burstConnections }, async () => {
				while (next < pupilsPerRun) await go(next++);
			})
		);
	}
	return { ...t, seconds: (performance.now() - started) / 1000 };
}

async function answersStored(db: Kysely<Database>, surveyIds: number[]): Promise<number> {
	const row = await db
		.selectFrom('pupilAnswers')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('surveyId', 'in', surveyIds)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function pupilsAnswer(ctx: BenchContext, plan: PupilPlan): Promise<void> {
	for (const [run, pace] of [
		[0, 'steady'],
		[1, 'burst']
	] as const) {
		const r = await runPupils(ctx, plan, run, pace);
		const stored = await answersStored(ctx.db.handle.db, plan.runs[run].surveyIds);
		const name =
			pace === 'steady'
				? `pupils' questionnaire: 1,000 pupils in a minute (one every ${steadyGapMs} ms)`
				: `pupils' questionnaire: 1,000 pupils as fast as ${burstConnections} phones go`;
		const errors = r.failures.length;
		const firstErrors = [...new Set(r.failures)].slice(0, 3).join('; ');
		ctx.record({
			case: name,
			metric: 'answers',
			value: r.answer.length / r.seconds,
			unit: '/s',
			note: `${r.answer.length} answers posted in ${r.seconds.toFixed(1)} s by ${pupilsPerRun} pupils, each GET, POST, GET with its own cookie`
		});
		if (pace === 'steady') ctx.record({ case: name, metric: 'time for 1,000 pupils', value: r.seconds, unit: 's', target: '≤ 60 s', met: r.seconds <= 60 });
		ctx.record({ case: name, metric: 'answer (POST) latency p50', value: percentile(r.answer, 50), unit: 'ms' });
		ctx.record({ case: name, metric: 'answer (POST) latency p99', value: percentile(r.answer, 99), unit: 'ms' });
		ctx.record({ case: name, metric: 'questionnaire page (GET) latency p99', value: percentile(r.page, 99), unit: 'ms' });
		ctx.record({ case: name, metric: 'errors', value: errors, unit: '', target: '0', met: errors === 0, note: firstErrors || undefined });
		ctx.record({ case: name, metric: 'answers in the database', value: stored, unit: '', target: '1,000', met: stored === pupilsPerRun });
	}
}
