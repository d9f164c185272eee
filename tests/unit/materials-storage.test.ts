import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFileKind } from '../../src/lib/server/storage/file-kind';
import { validateFileName } from '../../src/lib/server/storage/file-name';
import { contentRange, parseRange } from '../../src/lib/server/http/range';
import { checkLinkUrl } from '../../src/lib/server/materials/material-input';
import { minimalDocx, minimalOdt, minimalPdf, tinyPng } from '../integration/support/material-files';

const keyOf = (fn: () => unknown) => {
	try {
		fn();
		return 'ok';
	} catch (e) {
		return (e as { messageKey: string }).messageKey;
	}
};

describe('HTTP Range parsing', () => {
	it('serves one range: from-to, open-ended and suffix', () => {
		expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
		expect(parseRange('bytes=100-', 1000)).toEqual({ kind: 'partial', start: 100, end: 999 });
		expect(parseRange('bytes=-500', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
		expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
		expect(parseRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
	});

	it('answers 416 for a range outside the file, with the size in Content-Range', () => {
		const r = parseRange('bytes=1000-', 1000);
		expect(r).toEqual({ kind: 'unsatisfiable' });
		expect(contentRange(r, 1000)).toBe('bytes */1000');
		expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(contentRange(parseRange('bytes=0-99', 1000), 1000)).toBe('bytes 0-99/1000');
	});

	it('sends the whole file for no header, several ranges, other units or bad syntax', () => {
		for (const header of [null, '', 'bytes=0-1,5-9', 'items=0-5', 'bytes=abc', 'bytes=50-10', 'bytes=-']) {
			expect(parseRange(header, 1000)).toEqual({ kind: 'whole' });
		}
	});
});

describe('upload file names', () => {
	it('keeps accents, normalised to NFC', () => {
		expect(validateFileName('Lesfiche – Zoe\u0308.pdf')).toBe('Lesfiche – Zoë.pdf');
	});

	it('refuses path separators, control characters, dot names and names over 200 characters', () => {
		expect(keyOf(() => validateFileName('../geheim.pdf'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('map\\les.pdf'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('les\u0000.pdf'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('les\nfiche.pdf'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('fdp.\u202Egnp.pdf'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('..'))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName('   '))).toBe('mat_file_name_invalid');
		expect(keyOf(() => validateFileName(`${'a'.repeat(197)}.pdf`))).toBe('mat_file_name_too_long');
		expect(keyOf(() => validateFileName(`${'ë'.repeat(196)}.pdf`))).toBe('ok');
	});
});

describe('file content against extension', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-kind-'));
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, content: Buffer) => {
		const file = path.join(dir, name);
		fs.writeFileSync(file, content);
		return file;
	};
	const check = (content: Buffer, name: string) =>
		checkFileKind(write(name, content), name).then(
			(r) => r.contentType,
			(e) => e.messageKey
		);

	it('accepts a PDF, a PNG, a DOCX and an ODT whose content matches the name', async () => {
		expect(await check(minimalPdf(), 'les.pdf')).toBe('application/pdf');
		expect(await check(tinyPng(), 'affiche.PNG')).toBe('image/png');
		expect(await check(minimalDocx(), 'fiche.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(await check(minimalOdt(), 'fiche.odt')).toBe('application/vnd.oasis.opendocument.text');
	});

	it('refuses a PNG named .pdf, a DOCX named .pptx, an empty file and text named .pdf', async () => {
		expect(await check(tinyPng(), 'les.pdf')).toBe('mat_file_type_mismatch');
		expect(await check(minimalDocx(), 'slides.pptx')).toBe('mat_file_type_mismatch');
		expect(await check(Buffer.alloc(0), 'leeg.pdf')).toBe('mat_file_type_mismatch');
		expect(await check(Buffer.from('hello'), 'tekst.pdf')).toBe('mat_file_type_mismatch');
	});

	it('refuses extensions outside the list, whatever the content', async () => {
		expect(await check(minimalPdf(), 'les.exe')).toBe('mat_file_type_not_allowed');
		expect(await check(minimalPdf(), 'zonder-extensie')).toBe('mat_file_type_not_allowed');
	});
});

describe('link addresses', () => {
	it('accepts http(s) only', () => {
		expect(checkLinkUrl(' https://www.kortrijk.be/paars ')).toBe('https://www.kortrijk.be/paars');
		for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'www.kortrijk.be', 'https://user:pw@x.be/']) {
			expect(keyOf(() => checkLinkUrl(bad))).toBe('mat_url_invalid');
		}
	});
});
