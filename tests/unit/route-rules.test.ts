import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Routes are thin: they read the request, call a service, and answer. These rules
 * keep them so (issue 15): no queries (no repository, no database module) and no
 * error mapping of their own (form actions use lib/server/http/form-action.ts,
 * page loads orHttpError).
 */

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
	);
}

const routes = sources('src/routes');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gm)].map((m) => m[1]);

/** Modules of lib/server/db a route may import, and why. */
const allowedDbModules: Record<string, string> = {
	// clock() and fromDbTime() only tell and convert time (the stored UTC text to an
	// ISO instant for the page); they reach no database.
	'$lib/server/db/time': 'time conversion, no database access'
};

/** Route files that may hold a try/catch, and why: none of them maps a domain error. */
const allowedTry: Record<string, string> = {
	// The health probe races the database against a time limit and must answer 503
	// (not throw) whatever went wrong; its finally clears the timer.
	'src/routes/health/+server.ts': 'a probe with a time limit, answering 503 on any failure'
};

describe('routes', () => {
	it('import no repository: queries live in repositories, which services call', () => {
		const offenders = routes.filter((file) => importsOf(file).some((spec) => /\.repository$/.test(spec)));
		expect(offenders).toEqual([]);
	});

	it('import nothing from lib/server/db but its time helpers: the database comes from locals.db', () => {
		const offenders = routes.flatMap((file) =>
			importsOf(file)
				.filter((spec) => /^\$lib\/server\/db(\/|$)/.test(spec) && !(spec in allowedDbModules))
				.map((spec) => `${file}: ${spec}`)
		);
		expect(offenders).toEqual([]);
	});

	it('hold no try/catch: a DomainError becomes fail() in orFail/formAction, an HTTP error in orHttpError', () => {
		const offenders = routes.filter((file) => !(file.split(path.sep).join('/') in allowedTry) && /\btry\s*\{|\bcatch\s*\(/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('call failFromError nowhere: the form-action helper is its one caller', () => {
		const offenders = routes.filter((file) => /\bfailFromError\b/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('list only exceptions that still exist', () => {
		const files = new Set(routes.map((file) => file.split(path.sep).join('/')));
		expect(Object.keys(allowedTry).filter((file) => !files.has(file))).toEqual([]);
	});
});
