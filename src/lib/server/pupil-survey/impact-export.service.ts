import writeXlsxFile, { type Cell as XlsxCell, type Row } from 'write-excel-file/node';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import type { Locale } from '../db/schema';
import type { Download } from '../http/download';
import { csvContentType, csvDocument, type CsvCell } from '../reports/csv';
import * as m from '../../paraglide/messages';
import { slug } from '../../slug';
import { editionImpact } from './impact.service';
import type { Breakdown, PupilFigures } from './pupil-figures.service';
import type { Cell } from './small-cells';

const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const impactFormats = ['csv', 'xlsx'] as const;
export type ImpactFormat = (typeof impactFormats)[number];
export const isImpactFormat = (value: string): value is ImpactFormat => (impactFormats as readonly string[]).includes(value);

/** The name of a split's group column and of the split in a file name. */
const groupColumn = (breakdown: Breakdown, locale: Locale) =>
	({ edition: m.pf_col_edition, campus: m.pf_col_campus, organisation: m.pf_col_organisation, trainer: m.pf_col_trainer })[breakdown]({}, { locale });

const header = (breakdown: Breakdown, locale: Locale) => [
	groupColumn(breakdown, locale),
	m.pf_col_question({}, { locale }),
	m.pf_col_moment({}, { locale }),
	m.pf_col_answers({}, { locale }),
	m.pf_col_mean({}, { locale }),
	'1',
	'2',
	'3',
	'4',
	'5'
];

/**
 * One row per group, question and moment. A suppressed cell (null) carries the
 * words "too few answers" and nothing else: not its number of answers, not a
 * mean, not a spread; the service never computed them for it anyway.
 */
export function impactRows(f: PupilFigures, locale: Locale): CsvCell[][] {
	const moments = f.beforeAfter ? (['before', 'after'] as const) : (['after'] as const);
	const text = new Map(f.questions.map((q) => [q.id, locale === 'en' ? q.textEn : q.textNl]));
	const momentName = { before: m.pf_moment_before({}, { locale }), after: m.pf_moment_after({}, { locale }) };
	const figure = (cell: Cell | null): CsvCell[] =>
		cell ? [cell.answers, cell.mean, ...cell.counts] : [m.pf_too_few({}, { locale }), null, null, null, null, null, null];
	return f.groups.flatMap((g) =>
		g.questions.flatMap((q) => moments.map((moment) => [g.label, text.get(q.questionId) ?? '', momentName[moment], ...figure(q[moment])]))
	);
}

/** A number stays a number in the workbook; the mean shows two decimals in the reader's own notation. */
const xlsxCell = (value: CsvCell, column: number): XlsxCell =>
	typeof value === 'number' ? (column === 4 ? { value, type: Number, format: '0.00' } : { value, type: Number }) : (value ?? null);

/** An edition's pupil figures in one split as CSV or XLSX: coordinators only (editionImpact checks). */
export async function impactExport(db: Db, actor: Actor, editionId: number, breakdown: Breakdown, format: ImpactFormat, locale: Locale): Promise<Download> {
	const f = await editionImpact(db, actor, editionId, breakdown);
	const rows = impactRows(f, locale);
	const filename = `${m.pf_file({}, { locale })}-${slug(groupColumn(breakdown, locale))}-${slug(f.edition.name)}.${format}`;
	if (format === 'csv') return { filename, contentType: csvContentType, body: csvDocument(header(breakdown, locale), rows, locale) };
	const data: Row[] = [header(breakdown, locale).map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map(xlsxCell))];
	const sheet = m.pf_sheet({}, { locale }).slice(0, 31);
	const columns = [{ width: 30 }, { width: 50 }, { width: 10 }, { width: 20 }, { width: 12 }, ...Array(5).fill({ width: 6 })];
	const body = (await writeXlsxFile([{ data, sheet, columns, stickyRowsCount: 1 }]).toBuffer()) as Buffer<ArrayBuffer>;
	return { filename, contentType: xlsxContentType, body };
}
