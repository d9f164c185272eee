import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every table is wrapped by ScrollTable (src/lib/components/ScrollTable.svelte): on a
 * phone it scrolls sideways inside a labelled region that keyboard users can focus.
 * Tables used to be wrapped three ways (the component, an inline role/tabindex, a bare
 * div that keyboard users could not scroll); these rules keep it to one.
 *
 * The check is plain text, not a Svelte parse: after dropping HTML comments, every
 * `<table` must come after more `<ScrollTable` openings than `</ScrollTable>` closings
 * in the same file. It cannot follow a table into another component, so a component that
 * renders a table wraps it itself (as ClassTable and SlotTable do) rather than relying on
 * its caller; that keeps each file checkable on its own.
 */

const component = path.join('src', 'lib', 'components', 'ScrollTable.svelte');

/** Every .svelte file under a folder. */
function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(path.join(dir, e.name)) : e.name.endsWith('.svelte') ? [path.join(dir, e.name)] : []
	);
}

/** Line numbers of the `<table` tags that are not inside a `<ScrollTable>`. */
function unwrappedTables(source: string): number[] {
	// Comments are blanked, not removed, so the line numbers stay right.
	const text = source.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
	const found: number[] = [];
	let depth = 0;
	for (const tag of text.matchAll(/<ScrollTable[\s>]|<\/ScrollTable>|<table[\s>]/g)) {
		if (tag[0].startsWith('</')) depth--;
		else if (tag[0].startsWith('<ScrollTable')) depth++;
		else if (depth <= 0) found.push(text.slice(0, tag.index).split('\n').length);
	}
	return found;
}

describe('the table rule check', () => {
	it('finds a bare table and one after a closed ScrollTable, and accepts a wrapped one', () => {
		const page = [
			'<ScrollTable label="a">',
			'\t<table></table>',
			'</ScrollTable>',
			'<div class="x">',
			'\t<table class="y"></table>',
			'</div>',
			'<!-- <table> in a comment is fine -->'
		].join('\n');
		expect(unwrappedTables(page)).toEqual([5]);
		expect(unwrappedTables('<table>')).toEqual([1]);
		expect(unwrappedTables('<ScrollTable labelledby="h">\n<table>\n</ScrollTable>')).toEqual([]);
	});
});

describe('tables', () => {
	const files = svelteFiles('src').filter((file) => file !== component);

	it('are all wrapped in ScrollTable, so each scrolls in a focusable, labelled region', () => {
		const offenders = files.flatMap((file) => unwrappedTables(readFileSync(file, 'utf8')).map((line) => `${file}:${line}`));
		expect(offenders).toEqual([]);
	});

	it('get their scroll box from ScrollTable only, never a hand-made table-wrap div', () => {
		const offenders = files.filter((file) => /class="[^"]*\btable-wrap\b/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('are found by this check at all (the scan reaches the pages that have them)', () => {
		const withTables = files.filter((file) => /<table[\s>]/.test(readFileSync(file, 'utf8')));
		expect(withTables.length).toBeGreaterThan(20);
	});
});
