import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The city, its campaign and its partners are data (settings, campaigns,
 * organisations), never code: another city runs the same app unchanged. Only the
 * demo seed (db/seeds) may name them.
 */
const root = join(import.meta.dirname, '..', '..');
const forbidden = /kortrijk|paars|wel\s*jong|[cç]avaria/i;
const skip = [join('src', 'lib', 'paraglide')];
const textFile = /\.(ts|js|svelte|json|html|css|md|txt|csv)$/;

function* filesUnder(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (skip.includes(relative(root, path))) continue;
		if (statSync(path).isDirectory()) yield* filesUnder(path);
		else if (textFile.test(name)) yield path;
	}
}

describe('no city, campaign or partner names in code', () => {
	it('src/ and messages/ name none of them', () => {
		const hits: string[] = [];
		for (const dir of ['src', 'messages']) {
			for (const file of filesUnder(join(root, dir))) {
				readFileSync(file, 'utf8')
					.split('\n')
					.forEach((line, i) => {
						if (forbidden.test(line)) hits.push(`${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
					});
			}
		}
		expect(hits, `found in:\n${hits.join('\n')}`).toEqual([]);
	});
});
