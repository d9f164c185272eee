import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under a folder, generated messages left out (nobody writes them by hand). */
function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return full === path.join('src', 'lib', 'paraglide') ? [] : files(full);
		return [full];
	});
}

/**
 * Server-only by SvelteKit's own rules: lib/server, `.server.ts` modules, `+server.ts`
 * endpoints and hooks.server.ts; declaration files only hold types. Every other module
 * (components, universal load functions, route helpers, src/lib, param matchers) may
 * end up in the browser.
 */
const serverOnly = (file: string) =>
	file.startsWith(path.join('src', 'lib', 'server') + path.sep) || /(\.|^\+)server\.[jt]s$/.test(path.basename(file)) || file.endsWith('.d.ts');

const clientCode = () => files('src').filter((f) => /\.(svelte|ts|js)$/.test(f) && !serverOnly(f));

/**
 * The modules a file imports at run time: static imports and re-exports (not `import type`,
 * which the compiler erases), bare `import '…'` and dynamic `import('…')`.
 */
function runtimeImports(source: string): string[] {
	const statements = [...source.matchAll(/(?:^|[\s;])(import|export)\s+(type\s+(?=[{*\w]))?(?:[^'";]*?\s+from\s*)?['"]([^'"]+)['"]/g)];
	const dynamic = [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
	return [...statements.filter((m) => !m[2]).map((m) => m[3]), ...dynamic];
}

const isLibServer = (file: string, specifier: string) => {
	if (specifier === '$lib/server' || specifier.startsWith('$lib/server/')) return true;
	if (!specifier.startsWith('.')) return false;
	const target = path.relative(path.join('src', 'lib', 'server'), path.resolve(path.dirname(file), specifier));
	return !target.startsWith('..') && !path.isAbsolute(target);
};

describe('client code', () => {
	it('imports nothing from lib/server, by $lib/server or by relative path', () => {
		// Kit refuses such an import only when it builds; this says so at once, and names the file.
		const offenders = clientCode().flatMap((file) =>
			runtimeImports(readFileSync(file, 'utf8'))
				.filter((spec) => isLibServer(file, spec))
				.map((spec) => `${file} imports ${spec}`)
		);
		expect(offenders).toEqual([]);
	});

	it('is found where it lives (a check on the rule itself)', () => {
		const client = clientCode();
		for (const f of ['src/routes/+layout.svelte', 'src/lib/domain.ts', 'src/params/id.ts', 'src/lib/components/Field.svelte']) expect(client).toContain(f);
		for (const f of ['src/hooks.server.ts', 'src/routes/+layout.server.ts', 'src/routes/health/+server.ts', 'src/lib/server/config.ts'])
			expect(client).not.toContain(f);
		expect(runtimeImports("import { a } from '$lib/server/x';\nimport type { B } from '$lib/server/y';\nconst c = await import('../server/z');")).toEqual([
			'$lib/server/x',
			'../server/z'
		]);
		expect(isLibServer('src/lib/forms/enhance.ts', '../server/z')).toBe(true);
		expect(isLibServer('src/lib/forms/enhance.ts', '../levels')).toBe(false);
	});
});

/** Longer files get split by what they do; 300 lines is where the house draws the line. */
const maxLines = 300;

/**
 * The files over the limit when the rule came (issue 15), at their size then. Each may
 * only shrink; once it is at or under the limit (or gone), its entry must go too, so the
 * list ends up empty. Never add to it: split the file instead.
 */
const overTheLimit: Record<string, number> = {};

const lineCount = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

describe('files in src/', () => {
	it(`are at most ${maxLines} lines long`, () => {
		const offenders = files('src')
			.filter((f) => !(f in overTheLimit))
			.map((f) => ({ file: f, lines: lineCount(f) }))
			.filter((f) => f.lines > maxLines);
		expect(offenders).toEqual([]);
	});

	it('over the limit today only shrink, and leave the list once they fit', () => {
		const all = new Set(files('src'));
		const stale = Object.entries(overTheLimit).flatMap(([file, lines]) => {
			if (!all.has(file)) return [`${file}: gone, remove its entry`];
			const now = lineCount(file);
			if (now <= maxLines) return [`${file}: ${now} lines now, remove its entry`];
			return now > lines ? [`${file}: grew from ${lines} to ${now} lines`] : [];
		});
		expect(stale).toEqual([]);
	});
});
