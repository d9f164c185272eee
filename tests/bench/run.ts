/**
 * npm run bench: what users get from the built server at Flanders scale
 * (issue 14). Builds the app, starts it (`node build`, as `npm start` does) on a
 * fresh database per dialect, logs users in through the real login form and
 * puts load on the pages and downloads with autocannon over HTTP. Each figure
 * is printed the moment it is measured and written to tests/bench/results.json
 * at once, with its ratio to bare (GET /login without a session, same run,
 * same server) and issue 14's target. Never part of `npm test` or CI.
 *
 * Per database: first the demo alone (demo-size teacher page), then the
 * Flanders data set beside it (db/seeds/large.ts) and every other case. See
 * options.ts for --db, --only, --duration and the rest, and database.ts for
 * which database is used (SQLite: a temporary file; MariaDB/MySQL: the empty
 * database TEST_MYSQL_URL names, emptied again afterwards).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPassword } from '../../db/seeds/demo-data';
import { largePassword } from '../../db/seeds/large';
import { emailKey } from '../../src/lib/server/db/keys';
import { bookingRace, prepareBookingRace } from './cases/booking-race';
import { bulkCertificates, councilReport, enrolmentExports, lightPageDuringDownloads } from './cases/downloads';
import { enrolmentRush, prepareRush } from './cases/enrolment-rush';
import { measureBare, measurePage } from './cases/pages';
import { preparePupils, pupilsAnswer } from './cases/pupils';
import { busiestTrainer, trainerOpenList } from './cases/trainer-open';
import type { BenchContext } from './context';
import { loadDemo, loadFlanders, openBenchDatabase, type BenchDatabase } from './database';
import { logIn } from './http';
import { parseOptions, type CaseName, type DbChoice, type Options } from './options';
import { markdownTable, Recorder } from './results';
import { BenchServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dialectLabel: Record<DbChoice, string> = { sqlite: 'SQLite', mysql: 'MariaDB/MySQL' };

let failures = 0;

/** Runs one case; a failure is reported and the run goes on with the next case. */
async function step(opts: Options, name: CaseName, fn: () => Promise<void>): Promise<void> {
	if (!opts.only.has(name)) return;
	try {
		await fn();
	} catch (err) {
		failures++;
		console.error(`  ✗ ${name} failed: ${(err as Error).stack ?? err}`);
	}
}

async function benchOn(dialect: DbChoice, opts: Options, recorder: Recorder): Promise<void> {
	console.log(`\n## ${dialectLabel[dialect]}`);
	const db = await openBenchDatabase(dialect, root, opts.keep);
	const server = new BenchServer(root, { port: opts.port, databaseUrl: db.url, dataDir: db.dataDir });
	const record = recorder.record.bind(recorder, dialect);
	// Others' work on the same 2 cores moves every absolute figure; the ratios to bare less so.
	record({ case: 'machine', metric: 'load average (1 min) at the start', value: os.loadavg()[0], unit: '', note: `${os.cpus().length} cores` });
	try {
		await loadDemo(db);
		if (opts.only.has('demo')) {
			await server.start();
			const ctx = await contextWithBare(server, db, opts, record, 'demo data');
			const cookie = await logIn(server.origin, 'teacher@example.org', demoPassword);
			await step(opts, 'demo', () => measurePage(ctx, { name: 'demo-size logged-in teacher start page', path: '/teacher', cookie, minRatio: 0.5 }));
			await server.stop();
		}
		if (!opts.only.has('demo') || opts.only.size > 1) await flandersCases(db, server, opts, record);
	} finally {
		await server.stop();
		await db.close();
	}
}

async function contextWithBare(server: BenchServer, db: BenchDatabase, opts: Options, record: BenchContext['record'], data: string): Promise<BenchContext> {
	const bare = await measureBare(server, opts.duration);
	record({
		case: 'bare: GET /login without a session',
		metric: `throughput, ${data}`,
		value: bare.requestsPerSecond,
		unit: 'req/s',
		ratioToBare: 1,
		note: [`p99 ${bare.p99} ms`, bare.note].filter(Boolean).join('; ')
	});
	return { server, db, opts, record, bare: bare.requestsPerSecond };
}

async function flandersCases(db: BenchDatabase, server: BenchServer, opts: Options, record: BenchContext['record']): Promise<void> {
	console.log(`  loading the Flanders data set (db:seed:large${opts.small ? ', at 1/50 of its size: --small' : ''})…`);
	const { editionId, seconds } = await loadFlanders(db, opts.small);
	if (!opts.small) record({ case: 'loading the Flanders data set (db:seed:large)', metric: 'time', value: seconds, unit: 's' });
	// Quotas and choices for the races are set before the server starts: a server may cache editions.
	const coordinatorEmail = 'coordinator@schaal.example.org';
	const rushPlan = opts.only.has('rush') ? await prepareRush(db.handle.db, editionId, coordinatorEmail) : null;
	const racePlan = opts.only.has('booking') ? await prepareBookingRace(db.handle.db, editionId) : null;
	const pupilPlan = opts.only.has('pupils') ? await preparePupils(db.handle.db, editionId, coordinatorEmail) : null;
	await server.start();
	const ctx = await contextWithBare(server, db, opts, record, 'Flanders data');
	const teacherEmail = 'leerkracht-0001@schaal.example.org';
	const sessions = {
		coordinator: await logIn(server.origin, coordinatorEmail, largePassword),
		teacher: await logIn(server.origin, teacherEmail, largePassword)
	};
	await step(opts, 'teacher', async () => {
		const classes = await classesOnTeacherPage(db, editionId, teacherEmail);
		await measurePage(ctx, {
			name: 'teacher start page, 100 classes',
			path: '/teacher',
			cookie: sessions.teacher,
			minRatio: 0.3,
			note: `${classes} classes of the teacher's campuses`
		});
	});
	await step(opts, 'dashboard', () =>
		measurePage(ctx, { name: 'coordinator dashboard, Flanders', path: '/coordinator', cookie: sessions.coordinator, minRatio: 0.4 })
	);
	await step(opts, 'overview', () =>
		measurePage(ctx, {
			name: 'enrolment overview of the Flanders edition',
			path: `/coordinator/editions/${editionId}/enrolments`,
			cookie: sessions.coordinator,
			minRatio: 0.2,
			connections: 20,
			maxP99: 300,
			maxKb: 60
		})
	);
	await step(opts, 'open', async () => trainerOpenList(ctx, await busiestTrainer(db.handle.db), largePassword));
	await step(opts, 'rush', () => enrolmentRush(ctx, rushPlan!, largePassword));
	await step(opts, 'booking', () => bookingRace(ctx, racePlan!, largePassword));
	await step(opts, 'pupils', () => pupilsAnswer(ctx, pupilPlan!));
	await step(opts, 'certificates', () => bulkCertificates(ctx, editionId, sessions));
	await step(opts, 'exports', () => enrolmentExports(ctx, editionId, sessions));
	await step(opts, 'interference', () => lightPageDuringDownloads(ctx, editionId, sessions));
	// Last: it restarts the server.
	await step(opts, 'report', () => councilReport(ctx, editionId, sessions));
}

/** How many classes of the Flanders edition the teacher's start page lists (those of the teacher's campuses). */
async function classesOnTeacherPage(db: BenchDatabase, editionId: number, email: string): Promise<number> {
	const row = await db.handle.db
		.selectFrom('classes')
		.innerJoin('teacherCampuses', 'teacherCampuses.campusId', 'classes.campusId')
		.innerJoin('users', 'users.id', 'teacherCampuses.userId')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('users.emailKey', '=', emailKey(email))
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '!=', 'withdrawn')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

// The seeds queue mails, and every queued mail logs a line: not what a reader of the figures wants.
process.env.LOG_LEVEL ??= 'warn';
const opts = parseOptions(process.argv.slice(2), process.env);
// A --small try is no measurement: its figures go to a file git ignores.
const resultsFile = path.join(root, 'tests', 'bench', opts.small ? 'results-small.json' : 'results.json');
if (opts.build) {
	console.log('Building the app (npm run build; --no-build runs the build/ that is there)…');
	const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (built.status !== 0) throw new Error('npm run build failed');
}
if (!fs.existsSync(path.join(root, 'build', 'index.js'))) throw new Error('build/ is missing: run without --no-build');
console.log(
	`${os.cpus().length} cores, Node ${process.version}; ${opts.duration} s per page case, the rush ${opts.rushSeconds} s. Figures go to ${path.relative(root, resultsFile)} as they come.`
);
const recorder = new Recorder(resultsFile);
for (const dialect of opts.databases) {
	try {
		await benchOn(dialect, opts, recorder);
	} catch (err) {
		failures++;
		console.error(`${dialectLabel[dialect]}: ${(err as Error).message}`);
	}
}
if (!process.env.TEST_MYSQL_URL && !opts.databases.includes('mysql')) console.log('\nTEST_MYSQL_URL is not set: MariaDB/MySQL skipped.');
if (recorder.figures.length) console.log(`\nThis run (✓ target met, ✗ not met; × = ratio to bare):\n\n${markdownTable(recorder.figures)}`);
if (failures) console.error(`\n${failures} case(s) failed: see above.`);
process.exit(failures ? 1 : 0);
