import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Database, InstructionLanguage, Level } from '../db/schema';
import type { ClassStatus, Participation } from '../db/schema';
import { fromDbTime } from '../db/time';
import { logger } from '../log';
import * as m from '../../paraglide/messages';
import type { EnrolmentFilter } from '../../schemas/enrolment-filter';
import { brusselsDateOf } from '../../time/brussels';
import { csvBom, csvContentType, csvRows, type CsvCell } from './csv';
import type { Download } from '../http/download';
import { slug } from '../../slug';
import { listCampusDetails, listExportChunk, waitingPositions, type ClassFilter } from './enrolment-overview.repository';
import { classFilterOf } from './enrolment-overview.service';
import { coordinatorEdition } from '../campaigns/coordinator-edition';
import { renderPool } from '../workers/render-pool';
import type { XlsxBatch } from '../workers/render-jobs';
import type { XlsxCell } from './xlsx-stream';

/**
 * The enrolment list as CSV or XLSX, with the overview's filters. Rows are read in
 * keyset chunks (id order), so no query ever holds the whole list and, on SQLite,
 * other requests get the one connection between chunks. Free-text remarks are
 * never selected, so they cannot leak into a file (DESIGN §5.9).
 */
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const isExportFormat = (value: string): value is ExportFormat => (exportFormats as readonly string[]).includes(value);

export const exportChunkSize = 500;
const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Locale = 'nl' | 'en';
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const levelName: Record<Level, Message> = {
	kleuter: m.level_kleuter,
	lager: m.level_lager,
	secundair: m.level_secundair,
	buitengewoon_basis: m.level_buitengewoon_basis,
	buitengewoon_secundair: m.level_buitengewoon_secundair,
	hoger: m.level_hoger
};
const languageName: Record<InstructionLanguage, Message> = { nl: m.rp_lang_nl, fr: m.rp_lang_fr, en: m.rp_lang_en, de: m.rp_lang_de };
const statusName: Record<ClassStatus, Message> = { enrolled: m.rp_status_enrolled, waiting: m.rp_status_waiting, withdrawn: m.rp_status_withdrawn };
const participationName: Record<Participation, Message> = { workshop: m.mo_label_workshop, materials: m.mo_label_materials };

/** One exported line; `enrolledOn` is the Brussels calendar date "YYYY-MM-DD". */
export interface ExportRow {
	school: string;
	instellingsnummer: string | null;
	campus: string;
	postalCode: string;
	city: string;
	className: string;
	grade: string;
	level: string;
	pupils: number;
	language: string;
	status: string;
	position: number | null;
	enrolledOn: string;
	/** A workshop or materials only (issue 17.5); last, so older column positions hold. */
	participation: string;
}

/** Columns in file order: header message and width in characters (XLSX). */
const columns: { key: keyof ExportRow; header: Message; width: number }[] = [
	{ key: 'school', header: m.rp_x_school, width: 36 },
	{ key: 'instellingsnummer', header: m.rp_x_instellingsnummer, width: 16 },
	{ key: 'campus', header: m.rp_x_campus, width: 28 },
	{ key: 'postalCode', header: m.rp_x_postal_code, width: 10 },
	{ key: 'city', header: m.rp_x_city, width: 18 },
	{ key: 'className', header: m.rp_x_class, width: 12 },
	{ key: 'grade', header: m.rp_x_grade, width: 9 },
	{ key: 'level', header: m.rp_x_level, width: 28 },
	{ key: 'pupils', header: m.rp_x_pupils, width: 10 },
	{ key: 'language', header: m.rp_x_language, width: 14 },
	{ key: 'status', header: m.rp_x_status, width: 14 },
	{ key: 'position', header: m.rp_x_position, width: 12 },
	{ key: 'enrolledOn', header: m.rp_x_enrolled_on, width: 14 },
	{ key: 'participation', header: m.mo_participation, width: 18 }
];

export const exportHeader = (locale: Locale) => columns.map((c) => c.header({}, { locale }));

/** The export's rows, one chunk at a time; stops early when `signal` aborts (the download was cancelled). */
export async function* exportChunks(db: Kysely<Database>, where: ClassFilter, locale: Locale, signal?: AbortSignal): AsyncGenerator<ExportRow[], void> {
	let afterId = 0;
	while (!signal?.aborted) {
		const rows = await listExportChunk(db, where, afterId, exportChunkSize);
		if (rows.length === 0) return;
		const positions = await waitingPositions(
			db,
			where.editionId,
			rows.filter((r) => r.status === 'waiting').map((r) => r.id)
		);
		const campuses = await listCampusDetails(db, [...new Set(rows.map((r) => r.campusId))]);
		yield rows.map((r) => {
			const campus = campuses.get(r.campusId)!;
			return {
				school: campus.schoolName,
				instellingsnummer: campus.instellingsnummer,
				campus: campus.name,
				postalCode: campus.postalCode,
				city: campus.city,
				className: r.name,
				grade: r.grade,
				level: levelName[r.level]({}, { locale }),
				pupils: r.pupilCount,
				language: languageName[r.language]({}, { locale }),
				status: statusName[r.status]({}, { locale }),
				position: positions.get(r.id) ?? null,
				enrolledOn: brusselsDateOf(fromDbTime(r.createdAt)),
				participation: participationName[r.participation]({}, { locale })
			};
		});
		if (rows.length < exportChunkSize) return;
		afterId = rows[rows.length - 1].id;
	}
}

const csvCells = (row: ExportRow): CsvCell[] => columns.map((c) => row[c.key]);

/**
 * A CSV download that reads the next chunk only when the previous one has been
 * taken by the client (pull-based, no read-ahead), and stops reading when the
 * client goes away or the request is aborted.
 */
export function csvStream(header: string[], chunks: AsyncGenerator<ExportRow[], void>, locale: Locale, signal?: AbortSignal): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let headerSent = false;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (!headerSent) {
					headerSent = true;
					controller.enqueue(encoder.encode(csvBom + csvRows([header], locale)));
					return;
				}
				try {
					const next = signal?.aborted ? await chunks.return() : await chunks.next();
					if (next.done) controller.close();
					else controller.enqueue(encoder.encode(csvRows(next.value.map(csvCells), locale)));
				} catch (err) {
					// The status line went out with the first bytes: the client sees a cut-off file, the log says why.
					logger.error('csv export failed', { error: err instanceof Error ? err.message : String(err) });
					throw err;
				}
			},
			async cancel() {
				await chunks.return();
			}
		},
		{ highWaterMark: 0 }
	);
}

function xlsxCell(row: ExportRow, key: keyof ExportRow): XlsxCell {
	if (key === 'enrolledOn') {
		const [y, mo, d] = row.enrolledOn.split('-').map(Number);
		return new Date(Date.UTC(y, mo - 1, d));
	}
	return row[key];
}

async function* xlsxRows(chunks: AsyncGenerator<ExportRow[], void>): AsyncGenerator<XlsxBatch, void> {
	try {
		for await (const chunk of chunks) yield { rows: chunk.map((row) => columns.map((c) => xlsxCell(row, c.key))) };
	} finally {
		await chunks.return();
	}
}

/**
 * An XLSX workbook, streamed as the rows are read: typed cells (numbers as
 * numbers, dates as dates), a bold, frozen header row, column widths. The XML
 * and its deflate run on a render worker (seconds of CPU for 100,000 rows); this
 * thread only reads the rows, a chunk per pull.
 */
export function xlsxDownload(
	header: string[],
	chunks: AsyncGenerator<ExportRow[], void>,
	sheet: string,
	signal?: AbortSignal
): Promise<ReadableStream<Uint8Array>> {
	const init = { kind: 'xlsx' as const, sheet: { name: sheet, header, widths: columns.map((c) => c.width), dateFormat: 'dd/mm/yyyy' } };
	return renderPool().stream(init, xlsxRows(chunks), signal, { readAhead: true });
}

/** The enrolment list of an edition for a coordinator, filtered as the overview is. */
export async function exportEnrolments(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	filter: EnrolmentFilter,
	format: ExportFormat,
	locale: Locale,
	signal?: AbortSignal
): Promise<Download> {
	const edition = await coordinatorEdition(db, actor, editionId);
	const chunks = exportChunks(db, classFilterOf(editionId, filter), locale, signal);
	const header = exportHeader(locale);
	const filename = `${m.rp_file_prefix({}, { locale })}-${slug(edition.name)}.${format}`;
	if (format === 'csv') return { filename, contentType: csvContentType, body: csvStream(header, chunks, locale, signal) };
	return { filename, contentType: xlsxContentType, body: await xlsxDownload(header, chunks, m.rp_sheet_name({}, { locale }), signal) };
}
