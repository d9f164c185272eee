import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
	);
}

describe('routes', () => {
	it('take the database from locals.db (set once in hooks.server.ts), never from the db module', () => {
		const offenders = sources('src/routes').filter((file) => /^import (?!type )[^;]*from '\$lib\/server\/db';/m.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});

describe('server modules', () => {
	it('import each other by relative path, so tsx scripts and the render worker load them without Kit', () => {
		// db:seed, db:seed:large, the bench and build/workers/render-worker.js run outside Kit,
		// where '$lib' means nothing (a '$lib' import broke `npm run bench` once).
		const offenders = sources('src/lib/server').filter((file) => /from '\$(lib|app|env)\//.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
