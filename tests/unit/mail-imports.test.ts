import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const mailDir = path.resolve('src/lib/server/mail');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
	);
}

/** The files under mail/ that a file imports or re-exports by relative path, type-only imports included. */
function mailImports(file: string): string[] {
	const specs = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)].map((x) => x[1]);
	return specs
		.map((spec) => path.resolve(path.dirname(file), spec))
		.map((target) => [`${target}.ts`, path.join(target, 'index.ts')].find((f) => existsSync(f)))
		.filter((f): f is string => !!f && f.startsWith(mailDir + path.sep));
}

/** Each import loop found by a depth-first walk, as the chain of files that closes it. */
function importLoops(files: string[]): string[][] {
	const graph = new Map(files.map((f) => [f, mailImports(f)]));
	const state = new Map<string, 'open' | 'done'>();
	const loops: string[][] = [];
	const visit = (file: string, trail: string[]) => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'open') {
			loops.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(mailDir, f)));
			return;
		}
		state.set(file, 'open');
		for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
		state.set(file, 'done');
	};
	for (const file of files) visit(file, []);
	return loops;
}

describe('mail modules', () => {
	it('import each other without a loop (the kinds, the registry and the renderer import in one direction)', () => {
		expect(importLoops(sources(mailDir))).toEqual([]);
	});

	it('keep every mail kind in its own file, listed in the registry', () => {
		const registry = readFileSync(path.join(mailDir, 'registry.ts'), 'utf8');
		const kinds = readdirSync(path.join(mailDir, 'kinds')).filter((f) => f.endsWith('.ts'));
		// workshop-reminder.ts is part of the workshop kind (its job events), imported by workshop.ts.
		const unlisted = kinds.filter((f) => f !== 'workshop-reminder.ts' && !registry.includes(`'./kinds/${f.replace(/\.ts$/, '')}'`));
		expect(unlisted).toEqual([]);
	});
});
