import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseOptions } from '../bench/options';
import { markdownTable, Recorder } from '../bench/results';

// The bench itself never runs in `npm test`; these check only its options and its record of figures.
describe('bench options', () => {
	it('runs SQLite alone without TEST_MYSQL_URL, and MariaDB too with it', () => {
		expect(parseOptions([], {}).databases).toEqual(['sqlite']);
		expect(parseOptions([], { TEST_MYSQL_URL: 'mysql://root@127.0.0.1/x' }).databases).toEqual(['sqlite', 'mysql']);
		expect(parseOptions(['--db=mysql'], { TEST_MYSQL_URL: 'mysql://root@127.0.0.1/x' }).databases).toEqual(['mysql']);
	});

	it('refuses what it cannot do, naming the way out', () => {
		expect(() => parseOptions(['--db=mysql'], {})).toThrow(/TEST_MYSQL_URL/);
		expect(() => parseOptions(['--only=rush,nope'], {})).toThrow(/unknown case "nope"/);
		expect(() => parseOptions(['--duration=0'], {})).toThrow(/positive/);
		expect(() => parseOptions(['--fast'], {})).toThrow(/unknown option --fast/);
	});

	it('takes a subset of cases and a short duration', () => {
		const o = parseOptions(['--only=rush,booking', '--duration=2', '--no-build'], {});
		expect([...o.only]).toEqual(['rush', 'booking']);
		expect(o.duration).toBe(2);
		expect(o.build).toBe(false);
	});
});

describe('bench results file', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
	afterEach(() => vi.restoreAllMocks());
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('keeps every figure at once, and a later run replaces only its own rows', () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const file = path.join(dir, 'results.json');
		const first = new Recorder(file);
		first.record('sqlite', {
			case: 'teacher page',
			metric: 'throughput',
			value: 100.123,
			unit: 'req/s',
			ratioToBare: 0.0812,
			target: '≥ 0.3× bare',
			met: false
		});
		first.record('mysql', { case: 'teacher page', metric: 'throughput', value: 80, unit: 'req/s', ratioToBare: 0.09, target: '≥ 0.3× bare', met: false });
		expect(JSON.parse(fs.readFileSync(file, 'utf8')).figures).toHaveLength(2);
		new Recorder(file).record('sqlite', {
			case: 'teacher page',
			metric: 'throughput',
			value: 400,
			unit: 'req/s',
			ratioToBare: 0.31,
			target: '≥ 0.3× bare',
			met: true
		});
		const figures = JSON.parse(fs.readFileSync(file, 'utf8')).figures;
		expect(figures.map((f: { database: string; value: number }) => [f.database, f.value])).toEqual([
			['sqlite', 400],
			['mysql', 80]
		]);
		expect(markdownTable(figures)).toContain('| teacher page | throughput | 400 req/s (0.31×) ✓ | 80 req/s (0.09×) ✗ | ≥ 0.3× bare |');
	});
});
