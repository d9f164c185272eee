import writeXlsxFile, { type Cell as XlsxCell, type Row, type Sheet } from 'write-excel-file/node';
import { requireCoordinator, type Actor } from '../auth/actor';
import { NotFoundError } from '../errors';
import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { fromDbTime } from '../db/time';
import { Readable } from 'node:stream';
import { citySettings } from '../settings/settings.service';
import { readLogo } from '../certificates/certificate-download';
import * as m from '../../paraglide/messages';
import { brusselsDateOf, brusselsTimeOf } from '../../time/brussels';
import { clock } from '../db/time';
import { givenSlotClasses, givenWorkshopRows, listCampaignEditions, type ReportEditionRow } from './campaign-report.repository';
import { campaignReport, previousEdition, type CampaignReport } from './campaign-report.service';
import { cachedReportFile, keepReportBuffer, keepReportStream, openCachedReport, type CachedReportFile } from './report-cache';
import { editionEnded } from '../certificates/certificate-facts';
import { campaignReportPdfView } from './campaign-report-pdf-view';
import * as t from './campaign-report-tables';
import { pupilFiguresFileTable } from './pupil-report-tables';
import { teacherFiguresFileTable, teacherRemarksTable } from './teacher-evaluation-tables';
import { csvContentType, csvDocument, csvNumber } from './csv';
import { renderPool } from '../workers/render-pool';
import { pdfContentType, type Download } from '../http/download';
import { slug } from '../../slug';

/**
 * The report's downloads: the PDF in nl or en, its tables as CSV (one table a
 * file) and as one XLSX workbook (a sheet per table), and the given workshops per
 * organisation as CSV and XLSX. Trainers' notes are never selected, so they
 * cannot end up in a file; of the teachers' remarks only those their teacher
 * agreed to share, as bare text (issue 19.4), go into the PDF and the workbook.
 */
export const reportFiles = [
	'report-nl.pdf',
	'report-en.pdf',
	'report.xlsx',
	'campuses.csv',
	'grades.csv',
	'organisations.csv',
	'teacher-evaluations.csv',
	'workshops.csv',
	'workshops.xlsx'
] as const;
export type ReportFile = (typeof reportFiles)[number];
export const isReportFile = (value: string): value is ReportFile => (reportFiles as readonly string[]).includes(value);

const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const name = (prefix: string, r: { edition: { name: string } }, ext: string) => `${prefix}-${slug(r.edition.name)}.${ext}`;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A typed cell: numbers stay numbers, a share a percentage, "YYYY-MM-DD" becomes a real date. */
function xlsxCell(value: t.Cell): XlsxCell {
	if (t.isPercent(value)) return { value: value.percent, type: Number, format: '0.0%' };
	const date = typeof value === 'string' ? isoDate.exec(value) : null;
	if (date) return { value: new Date(Date.UTC(+date[1], +date[2] - 1, +date[3])), type: Date, format: 'dd/mm/yyyy' };
	return value;
}

function sheet(table: t.ReportTable, sheetName: string): Sheet<Buffer> {
	const data: Row[] = [table.headers.map((value) => ({ value, fontWeight: 'bold' as const })), ...table.rows.map((row) => row.map(xlsxCell))];
	// Sheet names: at most 31 characters in Excel.
	return { data, sheet: sheetName.slice(0, 31), columns: table.widths.map((w) => ({ width: Math.max(10, Math.round(w * 90)) })), stickyRowsCount: 1 };
}

/** Figure | this edition | previous edition (when there is one). */
function figuresTable(r: CampaignReport, locale: Locale): t.ReportTable {
	const now = t.figureRows(r.figures, r.activeCampuses, locale, 'percent');
	const before = r.previous && t.figureRows(r.previous.figures, r.activeCampuses, locale, 'percent');
	return {
		caption: m.crep_key_figures({}, { locale }),
		headers: [m.crep_col_figure({}, { locale }), r.edition.name, ...(r.previous ? [r.previous.edition.name] : [])],
		widths: [0.5, 0.2, 0.2],
		rows: now.map(([label, value], i) => [label, value, ...(before ? [before[i][1]] : [])])
	};
}

async function workbook(sheets: Sheet<Buffer>[]): Promise<Buffer<ArrayBuffer>> {
	return (await writeXlsxFile(sheets).toBuffer()) as Buffer<ArrayBuffer>;
}

function reportWorkbook(r: CampaignReport, locale: Locale) {
	const o = { locale };
	return workbook([
		sheet(figuresTable(r, locale), m.crep_sheet_figures({}, o)),
		sheet(t.campusesTable(r, locale), m.crep_sheet_campuses({}, o)),
		sheet(t.gradesTable(r, locale), m.crep_sheet_levels({}, o)),
		sheet(t.organisationsTable(r, locale), m.crep_sheet_organisations({}, o)),
		sheet(teacherFiguresFileTable(r, locale), m.imp_sheet_teachers({}, o)),
		sheet(teacherRemarksTable(r, locale), m.imp_sheet_remarks({}, o)),
		sheet(pupilFiguresFileTable(r, locale), m.pq_rep_sheet({}, o))
	]);
}

/** Given workshops, one row per workshop and trainer organisation, by organisation and date. */
export async function workshopsTable(db: Db, editionId: number, locale: Locale): Promise<t.ReportTable> {
	const o = { locale };
	const rows = await givenWorkshopRows(db, editionId);
	const classes = await givenSlotClasses(db, editionId);
	return {
		caption: m.crep_sheet_workshops({}, o),
		headers: [
			m.crep_col_organisation({}, o),
			m.crep_x_date({}, o),
			m.crep_x_start({}, o),
			m.crep_col_school({}, o),
			m.crep_col_campus({}, o),
			m.crep_x_classes({}, o),
			m.crep_x_pupils_present({}, o),
			m.crep_x_duration({}, o),
			m.crep_x_trainers({}, o),
			m.crep_x_trainer_hours({}, o)
		],
		widths: [0.25, 0.12, 0.1, 0.3, 0.25, 0.2, 0.15, 0.15, 0.2, 0.15],
		rows: rows.map((w) => [
			t.organisationName(w.organisation, locale),
			w.localDate,
			brusselsTimeOf(fromDbTime(w.startsAt)),
			w.school,
			w.campus,
			(classes.get(w.slotId) ?? []).join(', '),
			w.pupilsPresent,
			w.durationMinutes,
			w.trainers,
			Math.round(((w.durationMinutes * w.trainers) / 60) * 100) / 100
		])
	};
}

/** A share as a spreadsheet in that language reads a percentage: "45,2%" in Dutch. */
const csvCell = (cell: t.Cell, locale: Locale) => (t.isPercent(cell) ? `${csvNumber(Math.round(cell.percent * 1000) / 10, locale)}%` : cell);
const tableCsv = (table: t.ReportTable, locale: Locale) =>
	csvDocument(
		table.headers,
		table.rows.map((row) => row.map((cell) => csvCell(cell, locale))),
		locale
	);

/** The given workshops without the whole report: two queries after the edition. */
async function workshopsDownload(db: Db, actor: Actor, editionId: number, format: 'csv' | 'xlsx', locale: Locale): Promise<Download> {
	requireCoordinator(actor);
	const edition = (await listCampaignEditions(db, editionId)).find((e) => e.id === editionId);
	if (!edition) throw new NotFoundError();
	const o = { locale };
	const table = await workshopsTable(db, editionId, locale);
	const filename = name(m.crep_file_workshops({}, o), { edition }, format);
	if (format === 'csv') return { filename, contentType: csvContentType, body: tableCsv(table, locale) };
	return { filename, contentType: xlsxContentType, body: await workbook([sheet(table, m.crep_sheet_workshops({}, o))]) };
}

const cachedFiles: readonly ReportFile[] = ['report-nl.pdf', 'report-en.pdf', 'report.xlsx'];
const pdfLocaleOf = (file: ReportFile): Locale => (file === 'report-nl.pdf' ? 'nl' : 'en');

/** The cache file of an ended edition's report (report-cache.ts), or null while the edition runs. */
async function reportCache(db: Db, editionId: number, file: ReportFile, locale: Locale): Promise<{ edition: ReportEditionRow; file: CachedReportFile } | null> {
	if (!cachedFiles.includes(file)) return null;
	const editions = await listCampaignEditions(db, editionId);
	const edition = editions.find((e) => e.id === editionId);
	if (!edition || !editionEnded({ editionStatus: edition.status, workshopEndsOn: edition.workshopEndsOn })) return null;
	const previous = previousEdition(editions, edition);
	// A PDF's language is in its file name; the workbook is in the reader's language.
	const key = { editionId, file, locale: file === 'report.xlsx' ? locale : pdfLocaleOf(file) };
	return { edition, file: await cachedReportFile(db, key, edition.campaignId, previous ? [edition.id, previous.id] : [edition.id]) };
}

const xlsxName = (r: { edition: { name: string } }, locale: Locale) => name(m.crep_file_report({}, { locale }), r, 'xlsx');
const pdfName = (r: { edition: { name: string } }, file: ReportFile) => name(m.crep_file_report({}, { locale: pdfLocaleOf(file) }), r, 'pdf');

/** One download of the report of an edition, for a coordinator; an ended edition's report comes from the cache once drawn. */
export async function reportDownload(db: Db, actor: Actor, editionId: number, file: ReportFile, locale: Locale, signal?: AbortSignal): Promise<Download> {
	if (file === 'workshops.csv' || file === 'workshops.xlsx') return workshopsDownload(db, actor, editionId, file === 'workshops.csv' ? 'csv' : 'xlsx', locale);
	requireCoordinator(actor);
	const cache = await reportCache(db, editionId, file, locale);
	const hit = cache && (await openCachedReport(cache.file));
	if (cache && hit) {
		const isPdf = file !== 'report.xlsx';
		return { filename: isPdf ? pdfName(cache, file) : xlsxName(cache, locale), contentType: isPdf ? pdfContentType : xlsxContentType, body: hit };
	}
	const r = await campaignReport(db, actor, editionId);
	const o = { locale };
	switch (file) {
		case 'report-nl.pdf':
		case 'report-en.pdf': {
			const pdfLocale = pdfLocaleOf(file);
			const city = await citySettings(db, pdfLocale);
			const view = campaignReportPdfView(r, city, pdfLocale, brusselsDateOf(clock.now()), await readLogo(city.logoSha256));
			// Drawn on a render worker: seconds of CPU for a Flanders edition, which would stall every other request here.
			const pdf = Readable.fromWeb((await renderPool().stream({ kind: 'report-pdf', view }, null, signal)) as import('node:stream/web').ReadableStream);
			return { filename: pdfName(r, file), contentType: pdfContentType, body: cache ? await keepReportStream(cache.file, pdf, signal) : pdf };
		}
		case 'report.xlsx': {
			const body = await reportWorkbook(r, locale);
			if (cache) await keepReportBuffer(cache.file, body);
			return { filename: xlsxName(r, locale), contentType: xlsxContentType, body };
		}
		case 'campuses.csv':
			return { filename: name(m.crep_file_campuses({}, o), r, 'csv'), contentType: csvContentType, body: tableCsv(t.campusesTable(r, locale), locale) };
		case 'grades.csv':
			return { filename: name(m.crep_file_levels({}, o), r, 'csv'), contentType: csvContentType, body: tableCsv(t.gradesTable(r, locale), locale) };
		case 'organisations.csv':
			return {
				filename: name(m.crep_file_organisations({}, o), r, 'csv'),
				contentType: csvContentType,
				body: tableCsv(t.organisationsTable(r, locale), locale)
			};
		case 'teacher-evaluations.csv':
			return {
				filename: name(m.imp_file_teachers({}, o), r, 'csv'),
				contentType: csvContentType,
				body: tableCsv(teacherFiguresFileTable(r, locale), locale)
			};
	}
}
