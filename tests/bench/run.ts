/**
 * npm run bench: the enrolment overview, the campus list, the exports, the
 * workshop pages and a 1,000-page bulk certificate PDF on the Flanders-wide
 * data set (db/seeds/large.ts). Plain tsx, not Vitest: it needs no test
 * runner, must never run as part of `npm test`, and measures exports (and the
 * certificate PDF) in a child process each so their peak memory is their own.
 *
 * SQLite always (a fresh file in a temp dir); MariaDB too when TEST_MYSQL_URL is
 * set, in a database named sc_bench that is dropped and recreated. Options:
 *   --explain   also print every query's plan (EXPLAIN QUERY PLAN / EXPLAIN)
 *   --runs=N    timed runs per scenario after one warm-up (default 5)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, sql } from 'kysely';
import { findLargeEdition, seedLarge } from '../../db/seeds/large';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/dialect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { scenarios, type Scenario } from './scenarios';
import { explain, recordingDb } from './support';
import { reportScenarios } from './report-scenarios';
import { workshopScenarios } from './workshop-scenarios';
import { notificationBench } from './notification-scenarios';
import { auditScenarios } from './audit-scenarios';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const runs = Number([...args].find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);
// Booking queues mails, and every queued mail logs a line: not what a reader of the table wants.
process.env.LOG_LEVEL ??= 'warn';
const actor = { id: 1, displayName: 'bench', roles: ['coordinator' as const] };

type Results = Map<string, string>;

async function prepare(url: string): Promise<{ handle: DbHandle; seedSeconds: number }> {
	if (url.startsWith('mysql')) {
		const admin = await openDatabase(process.env.TEST_MYSQL_URL!, { poolSize: 1 });
		await sql`drop database if exists sc_bench`.execute(admin.db);
		await sql`create database sc_bench character set utf8mb4 collate utf8mb4_unicode_ci`.execute(admin.db);
		await admin.close();
	}
	const handle = await openDatabase(url, { poolSize: 4 });
	await migrateToLatest(handle.db, new FileMigrationProvider({ fs: fs.promises, path, migrationFolder: path.join(root, 'db', 'migrations') }));
	const started = performance.now();
	await seedLarge(handle.db, { today: new Date() });
	return { handle, seedSeconds: (performance.now() - started) / 1000 };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

function exportOnce(url: string, editionId: number, format: 'csv' | 'xlsx') {
	const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'tests/bench/export-once.ts'), url, String(editionId), format], { cwd: root, encoding: 'utf8' });
	if (out.status !== 0) throw new Error(`export ${format} failed: ${out.stderr}`);
	const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
	return `${Math.round(r.ms)} ms, ${(r.bytes / 1048576).toFixed(1)} MB, RSS ${Math.round(r.baselineMb)} → peak ${Math.round(r.peakMb)} MB`;
}

/**
 * The warm-up run goes through a recording connection: it counts the queries
 * (and with --explain prints their plans); then the timed runs, median and max.
 */
async function measure(handle: DbHandle, s: Scenario): Promise<string> {
	const { spy, queries } = recordingDb(handle.db);
	const result = await s.run(spy);
	if (args.has('--explain')) {
		console.log(`\n## ${s.name}`);
		for (const q of queries) console.log(`  ${q.sql.slice(0, 300)}\n${(await explain(handle, q)).map((l) => `      ${l}`).join('\n')}`);
	}
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await time(() => s.run(handle.db)));
	times.sort((a, b) => a - b);
	const note = s.note ? `, ${s.note(result)}` : '';
	return `${times[Math.floor(times.length / 2)].toFixed(1)} ms (max ${times[times.length - 1].toFixed(1)}), ${queries.length} q${note}`;
}

/** The bulk certificate PDF (1,000 pages) in a child process: time, event-loop delay and memory, issuing and then reading. */
function certificateStreamOnce(url: string, editionId: number): [string, string][] {
	const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'tests/bench/certificate-stream-once.ts'), url, String(editionId)], { cwd: root, encoding: 'utf8' });
	if (out.status !== 0) throw new Error(`certificate stream failed: ${out.stderr}`);
	const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
	type Pass = { ms: number; pages: number; mb: number; maxDelayMs: number; p99DelayMs: number; cpuSliceMs: { max: number; p99: number }; rssMb: [number, number] };
	const show = (p: Pass) =>
		`${p.ms} ms, ${p.pages} p, ${p.mb} MB; loop delay max ${p.maxDelayMs} / p99 ${p.p99DelayMs} ms (own CPU ${p.cpuSliceMs.max} / ${p.cpuSliceMs.p99}); RSS ${Math.round(p.rssMb[0])} → ${Math.round(p.rssMb[1])} MB`;
	return [
		['certificates PDF, 1,000 pages, issuing', show(r.issuing)],
		['certificates PDF, 1,000 pages, issued', show(r.reading)],
		['certificates PDF, live heap at page 100 → 1,000', `${r.heapAt100And1000Mb[0]} → ${r.heapAt100And1000Mb[1]} MB`]
	];
}

async function bench(name: string, url: string): Promise<Results> {
	console.log(`\n${name}: loading the data set…`);
	const { handle, seedSeconds } = await prepare(url);
	const results: Results = new Map([['seed (db:seed:large)', `${seedSeconds.toFixed(1)} s`]]);
	const edition = (await findLargeEdition(handle.db))!;
	const school = await handle.db.selectFrom('schools').select('id').orderBy('id').offset(10).limit(1).executeTakeFirstOrThrow();
	for (const s of [...scenarios(actor, edition.id, school.id), ...(await workshopScenarios(handle.db, edition.id)), ...reportScenarios(actor, edition.id)]) results.set(s.name, await measure(handle, s));
	for (const s of await auditScenarios(handle.db, actor)) results.set(s.name, await measure(handle, s));
	const notifications = await notificationBench(handle.db);
	for (const [label, value] of notifications.oneOff) results.set(label, value);
	for (const s of notifications.scenarios) results.set(s.name, await measure(handle, s));
	await handle.close();
	for (const format of ['csv', 'xlsx'] as const) results.set(`export ${format}, all 100,000 rows`, exportOnce(url, edition.id, format));
	for (const [label, value] of certificateStreamOnce(url, edition.id)) results.set(label, value);
	return results;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-'));
const columns: [string, Results][] = [];
try {
	columns.push(['SQLite', await bench('SQLite', `sqlite:${path.join(dir, 'bench.sqlite')}`)]);
	if (process.env.TEST_MYSQL_URL) {
		const url = new URL(process.env.TEST_MYSQL_URL);
		url.pathname = '/sc_bench';
		columns.push(['MariaDB/MySQL', await bench('MariaDB/MySQL', url.toString())]);
	} else console.log('\nTEST_MYSQL_URL is not set: MariaDB/MySQL skipped.');
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}

const rowNames = [...columns[0][1].keys()];
const widths = [Math.max(...rowNames.map((n) => n.length)), ...columns.map(([h, r]) => Math.max(h.length, ...[...r.values()].map((v) => v.length)))];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(`\n${line(['', ...columns.map(([h]) => h)])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
for (const n of rowNames) console.log(line([n, ...columns.map(([, r]) => r.get(n) ?? '')]));
console.log(`\n${os.cpus().length} cores, Node ${process.version}; median of ${runs} runs after one warm-up.`);
