import fs from 'node:fs';
import os from 'node:os';
import type { DbChoice } from './options';

/**
 * One measured figure, as printed and as kept in tests/bench/results.json.
 * `ratioToBare` compares a throughput with bare (GET /login without a
 * session) measured by the same run on the same server; `target` is the goal
 * of issue 14 and `met` whether this figure reaches it (null: no target).
 */
export interface Figure {
	database: DbChoice;
	case: string;
	metric: string;
	value: number;
	unit: string;
	ratioToBare: number | null;
	target: string | null;
	met: boolean | null;
	note?: string;
	measuredAt: string;
}

export type NewFigure = Omit<Figure, 'measuredAt' | 'ratioToBare' | 'target' | 'met' | 'database'> & Partial<Pick<Figure, 'ratioToBare' | 'target' | 'met'>>;

interface ResultsFile {
	about: string;
	machine: { cores: number; cpu: string; node: string };
	figures: Figure[];
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/**
 * Prints each figure the moment it is measured and rewrites the results file
 * after each one, so a case that fails later loses nothing. A figure replaces
 * the one of the same database, case and metric from an earlier run; the
 * others stay (a run with --only updates only its own rows).
 */
export class Recorder {
	/** This run's figures, in the order measured. */
	readonly figures: Figure[] = [];

	constructor(private readonly file: string) {}

	private read(): ResultsFile {
		const empty: ResultsFile = {
			about:
				"Figures of `npm run bench` (tests/bench/run.ts): the built server over HTTP with real sessions. ratioToBare compares with GET /login without a session in the same run; target is issue 14's.",
			machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version },
			figures: []
		};
		if (!fs.existsSync(this.file)) return empty;
		try {
			return { ...empty, figures: (JSON.parse(fs.readFileSync(this.file, 'utf8')) as ResultsFile).figures ?? [] };
		} catch {
			return empty;
		}
	}

	record(database: DbChoice, f: NewFigure): Figure {
		const figure: Figure = {
			database,
			case: f.case,
			metric: f.metric,
			value: round(f.value),
			unit: f.unit,
			ratioToBare: f.ratioToBare == null ? null : round(f.ratioToBare),
			target: f.target ?? null,
			met: f.met ?? null,
			...(f.note ? { note: f.note } : {}),
			measuredAt: new Date().toISOString()
		};
		this.figures.push(figure);
		const ratio = figure.ratioToBare === null ? '' : ` = ${figure.ratioToBare}× bare`;
		const target = figure.target ? `  [target ${figure.target}: ${figure.met ? 'met' : 'NOT met'}]` : '';
		console.log(
			`  ${database.padEnd(6)} ${figure.case} · ${figure.metric}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''}${ratio}${target}${figure.note ? ` (${figure.note})` : ''}`
		);
		const data = this.read();
		const same = (g: Figure) => g.database === database && g.case === figure.case && g.metric === figure.metric;
		const at = data.figures.findIndex(same);
		if (at >= 0) data.figures[at] = figure;
		else data.figures.push(figure);
		fs.writeFileSync(this.file, `${JSON.stringify(data, null, '\t')}\n`);
		return figure;
	}
}

/** This run's figures as the Markdown table of the README's performance section: one column per database. */
export function markdownTable(figures: Figure[]): string {
	const databases = [...new Set(figures.map((f) => f.database))];
	const label: Record<DbChoice, string> = { sqlite: 'SQLite', mysql: 'MariaDB' };
	const rows = new Map<string, Map<DbChoice, Figure>>();
	for (const f of figures) {
		const key = `${f.case} | ${f.metric}`;
		if (!rows.has(key)) rows.set(key, new Map());
		rows.get(key)!.set(f.database, f);
	}
	const cell = (f: Figure | undefined) => {
		if (!f) return '';
		const ratio = f.ratioToBare !== null && f.ratioToBare !== 1 ? ` (${f.ratioToBare}×)` : '';
		const mark = f.met === null ? '' : f.met ? ' ✓' : ' ✗';
		return `${f.value}${f.unit ? ` ${f.unit}` : ''}${ratio}${mark}`;
	};
	const lines = [`| case | figure | ${databases.map((d) => label[d]).join(' | ')} | target |`, `|---|---|${databases.map(() => '---|').join('')}---|`];
	for (const [key, byDb] of rows) {
		const any = [...byDb.values()][0];
		lines.push(`| ${key} | ${databases.map((d) => cell(byDb.get(d))).join(' | ')} | ${any.target ?? ''} |`);
	}
	return lines.join('\n');
}
