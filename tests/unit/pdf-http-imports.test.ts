import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * pdf/ and http/ are the shared layers every domain builds on (issue 15, point 3):
 * pdf/ draws (fonts, page furniture, QR codes), http/ answers (forms, the one
 * Download shape and downloadResponse, byte ranges, refusals). Neither may
 * import a domain folder, or the layers tangle again (pdf/ and certificates/,
 * pdf/ and reports/ once imported each other). Domains import them, never the
 * other way round.
 *
 * Allowed, besides the folder itself and anything outside src/lib/server
 * (packages, Paraglide, src/lib/time): the modules that are no domain but the
 * server's own plumbing: config.ts, log.ts, errors.ts (DomainError and BusyError,
 * which downloadResponse answers) and db/ (http/db-outage.ts recognises a database
 * outage). Everything else in src/lib/server, including a folder added later,
 * counts as a domain: an allow-list, so a new domain is covered without editing
 * this test. Type-only imports count too: a type ties a layer to a domain's model
 * as surely as a value does. Composition (a hook that needs the domains' upload
 * caps) lives outside these folders, in hooks/.
 */
const server = 'src/lib/server';
const shared = ['config.ts', 'log.ts', 'errors.ts', 'db/'];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : []
	);
}

/** Every module a file names: `from '…'`, `import '…'` and `import('…')`. */
function specifiers(code: string): string[] {
	return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)].map((m) => m[1]);
}

/** The import as a path inside src/lib/server ("reports/csv"), or null when it points elsewhere. */
function serverTarget(file: string, spec: string): string | null {
	let target: string;
	if (spec.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file.split(path.sep).join('/')), spec));
	else if (spec.startsWith('$lib/server/')) target = `${server}/${spec.slice('$lib/server/'.length)}`;
	else return null;
	return target.startsWith(`${server}/`) ? target.slice(server.length + 1) : null;
}

/** "errors" (from '../errors'), "db" or "db/time" are shared; "reports/csv" is not. */
const isShared = (target: string) =>
	shared.some((s) => (s.endsWith('/') ? target === s.slice(0, -1) || target.startsWith(s) : target === s || `${target}.ts` === s));

function offenders(layer: 'pdf' | 'http'): string[] {
	return sources(`${server}/${layer}`).flatMap((file) =>
		specifiers(readFileSync(file, 'utf8'))
			.map((spec) => ({ spec, target: serverTarget(file, spec) }))
			.filter(({ target }) => target !== null && !target.startsWith(`${layer}/`) && !isShared(target))
			.map(({ spec }) => `${file} imports ${spec}`)
	);
}

describe('the shared layers', () => {
	it('find the imports they check (a broken pattern would pass every file)', () => {
		expect(serverTarget('src/lib/server/http/forms.ts', '../errors')).toBe('errors');
		expect(serverTarget('src/lib/server/pdf/qr.ts', '../reports/csv')).toBe('reports/csv');
		expect(serverTarget('src/lib/server/pdf/qr.ts', '../../paraglide/messages')).toBeNull();
		expect(specifiers(`import type { A } from '../x';\nimport '../y';\nconst z = await import('../z');`)).toEqual(['../x', '../y', '../z']);
		expect(sources(`${server}/http`).length).toBeGreaterThan(3);
	});

	it('pdf/ imports no domain folder: renderers live with their domain', () => {
		expect(offenders('pdf')).toEqual([]);
	});

	it('http/ imports no domain folder', () => {
		expect(offenders('http')).toEqual([]);
	});
});
