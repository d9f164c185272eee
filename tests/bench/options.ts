/**
 * Command-line options of `npm run bench` (after `--`):
 *   --db=sqlite|mysql     one database only (default: SQLite, plus MariaDB/MySQL when TEST_MYSQL_URL is set)
 *   --only=a,b            these cases only (names below); `bare` always runs, every ratio needs it
 *   --duration=S          seconds of load per page case (default 10); 1–2 for a quick try
 *   --rush-seconds=S      seconds of the enrolment rush (default 30)
 *   --cert-pages=N        pages of the bulk certificate PDF to read (default 2000)
 *   --port=P              port of the server under test (default 4180)
 *   --no-build            run the build/ that is there instead of building first
 *   --keep                keep the data (SQLite file, MariaDB tables) for a look afterwards
 *   --small               the Flanders data set at 1/50 of its size: to try the bench in a minute, not to measure
 */
export const caseNames = [
	'demo',
	'teacher',
	'dashboard',
	'overview',
	'open',
	'rush',
	'booking',
	'pupils',
	'certificates',
	'exports',
	'report',
	'interference'
] as const;
export type CaseName = (typeof caseNames)[number];
export type DbChoice = 'sqlite' | 'mysql';

export interface Options {
	databases: DbChoice[];
	only: Set<CaseName>;
	duration: number;
	rushSeconds: number;
	certPages: number;
	port: number;
	build: boolean;
	keep: boolean;
	small: boolean;
}

function value(args: string[], name: string): string | undefined {
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function positive(args: string[], name: string, fallback: number): number {
	const raw = value(args, name);
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
	return n;
}

export function parseOptions(args: string[], env: NodeJS.ProcessEnv): Options {
	const known = ['db', 'only', 'duration', 'rush-seconds', 'cert-pages', 'port', 'no-build', 'keep', 'small'];
	for (const a of args) {
		const name = a.replace(/^--/, '').split('=')[0];
		if (!a.startsWith('--') || !known.includes(name)) throw new Error(`unknown option ${a}; known: ${known.map((k) => `--${k}`).join(' ')}`);
	}
	const db = value(args, 'db');
	if (db !== undefined && db !== 'sqlite' && db !== 'mysql') throw new Error(`--db must be sqlite or mysql, got "${db}"`);
	if (db === 'mysql' && !env.TEST_MYSQL_URL)
		throw new Error('--db=mysql needs TEST_MYSQL_URL (an empty database of your own, e.g. mysql://root@127.0.0.1:3306/sc_bench)');
	const databases: DbChoice[] = db ? [db] : env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
	const onlyRaw = value(args, 'only');
	const only = new Set<CaseName>();
	for (const name of onlyRaw ? onlyRaw.split(',') : caseNames) {
		if (!(caseNames as readonly string[]).includes(name)) throw new Error(`--only: unknown case "${name}"; cases: ${caseNames.join(', ')}`);
		only.add(name as CaseName);
	}
	return {
		databases,
		only,
		duration: positive(args, 'duration', 10),
		rushSeconds: positive(args, 'rush-seconds', 30),
		certPages: positive(args, 'cert-pages', 2000),
		port: positive(args, 'port', 4180),
		build: !args.includes('--no-build'),
		keep: args.includes('--keep'),
		small: args.includes('--small')
	};
}
