import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

/**
 * A one-sheet XLSX written as a stream: the sheet's XML goes through fflate's zip
 * writer chunk by chunk as rows arrive, so a 100,000-row export never holds more
 * than one chunk of rows and one deflate window (write-excel-file built the whole
 * workbook in memory: +340–390 MB at 100,000 rows). Strings are written inline
 * (`t="inlineStr"`), not in a shared-string table, which would have to be complete
 * before the sheet. Styles, frozen header and widths are those write-excel-file
 * wrote, so a reader sees the same cells: numbers as numbers, dates as dates, a
 * text "=1+1" as text (an inline string is never a formula).
 */
export type XlsxCell = string | number | Date | null | undefined;

export interface XlsxSheet {
	name: string;
	/** Column widths in characters. */
	widths: number[];
	/** Bold, and frozen above the scrolling rows. */
	header: string[];
	/** Excel number format of date cells. */
	dateFormat: string;
}

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Style ids in styles.xml below. */
const boldStyle = 1;
const dateStyle = 2;

// Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates; U+FFFE/F).
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const invalidXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const xmlText = (text: string) => text.replace(invalidXml, '').replace(/[&<>"]/g, (c) => xmlEscapes[c]);

export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** Days since 1899-12-30, Excel's date serial (1900 date system), of a UTC midnight. */
const excelSerial = (date: Date) => date.getTime() / 86_400_000 + 25_569;

function cellXml(ref: string, cell: XlsxCell, style?: number): string {
	if (cell === null || cell === undefined) return '';
	const s = style ? ` s="${style}"` : '';
	if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
	if (cell instanceof Date) return `<c r="${ref}" s="${dateStyle}"><v>${excelSerial(cell)}</v></c>`;
	// Only text with edge spaces needs xml:space: a fifth of the sheet's bytes otherwise.
	const space = cell.trim() === cell ? '' : ' xml:space="preserve"';
	return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(cell)}</t></is></c>`;
}

function rowXml(rowNumber: number, cells: XlsxCell[], columns: string[], style?: number): string {
	return `<row r="${rowNumber}">${cells.map((cell, i) => cellXml(`${columns[i]}${rowNumber}`, cell, style)).join('')}</row>`;
}

function fixedParts(sheet: XlsxSheet): [string, string][] {
	return [
		[
			'[Content_Types].xml',
			`${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
		],
		[
			'_rels/.rels',
			`${xmlHead}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
		],
		[
			'xl/workbook.xml',
			`${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
		],
		[
			'xl/_rels/workbook.xml.rels',
			`${xmlHead}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`
		],
		[
			'xl/styles.xml',
			`${xmlHead}<styleSheet xmlns="${mainNs}"><numFmts count="1"><numFmt numFmtId="100" formatCode="${xmlText(sheet.dateFormat)}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="100" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
		]
	];
}

function sheetHead(sheet: XlsxSheet, columns: string[]): string {
	const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
	const frozen = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
	return `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetViews><sheetView tabSelected="1" workbookViewId="0">${frozen}</sheetView></sheetViews><cols>${cols}</cols><sheetData>${rowXml(1, sheet.header, columns, boldStyle)}`;
}

export interface XlsxWriter {
	/** Rows 2, 3, …: their XML is deflated at once, bytes come out through `emit` as the zip fills. */
	add(rows: XlsxCell[][]): void;
	finish(): void;
}

/** The workbook's bytes pushed through `emit`: the fixed parts and the header at once, then rows as they are added. */
export function xlsxWriter(sheet: XlsxSheet, emit: (bytes: Uint8Array) => void): XlsxWriter {
	const columns = sheet.header.map((_, i) => columnName(i));
	let failure: Error | null = null;
	const zip = new Zip((err, data) => {
		if (err) failure = err;
		else emit(data);
	});
	const check = () => {
		if (failure) throw failure;
	};
	for (const [name, xml] of fixedParts(sheet)) {
		const part = new ZipPassThrough(name);
		zip.add(part);
		part.push(strToU8(xml), true);
	}
	// Level 1: XML rows compress ~10× even so, and deflate stays a small part of the export's time.
	const body = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
	zip.add(body);
	body.push(strToU8(sheetHead(sheet, columns)));
	let rowNumber = 1;
	check();
	return {
		add(rows) {
			body.push(strToU8(rows.map((cells) => rowXml(++rowNumber, cells, columns)).join('')));
			check();
		},
		finish() {
			body.push(strToU8('</sheetData></worksheet>'), true);
			zip.end();
			check();
		}
	};
}
