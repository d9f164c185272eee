import type { Kysely } from 'kysely';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Actor } from '../auth/actor';
import { requireCoordinator } from '../auth/actor';
import type { Database, Locale } from '../db/schema';
import { formatInviteCode } from '../../invite-code';
import * as m from '../../paraglide/messages';
import { registerUrl } from '../campaigns/school-invitation-recipients';
import { citySettings } from '../settings/settings.service';
import { pdfContentType, type Download } from '../http/download';
import { campusCodesPdf } from './campus-codes-pdf';
import { csvContentType, csvDocument } from '../reports/csv';
import { listCampusCodes } from './campus-codes.repository';

/**
 * Campus codes to hand out: a spreadsheet (school, campus, address, contact, code
 * and registration link) and a printable PDF with one block per campus and a QR
 * code of its link. A city has a few thousand campuses at most, so one query.
 */
export const codeFormats = ['csv', 'xlsx', 'pdf'] as const;
export type CodeFormat = (typeof codeFormats)[number];
export const isCodeFormat = (v: string): v is CodeFormat => (codeFormats as readonly string[]).includes(v);

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
type CodeRow = Awaited<ReturnType<typeof listCampusCodes>>[number];

const columns: { header: Message; width: number; value: (r: CodeRow) => string }[] = [
	{ header: m.si_x_school, width: 34, value: (r) => r.schoolName },
	{ header: m.si_x_instellingsnummer, width: 16, value: (r) => r.instellingsnummer ?? '' },
	{ header: m.si_x_campus, width: 28, value: (r) => r.name },
	{ header: m.si_x_street, width: 28, value: (r) => r.street },
	{ header: m.si_x_postal_code, width: 10, value: (r) => r.postalCode },
	{ header: m.si_x_city, width: 18, value: (r) => r.city },
	{ header: m.si_x_contact_name, width: 22, value: (r) => r.contactName ?? '' },
	{ header: m.si_x_contact_email, width: 30, value: (r) => r.contactEmail ?? '' },
	{ header: m.si_x_contact_phone, width: 16, value: (r) => r.contactPhone ?? '' },
	{ header: m.si_x_code, width: 16, value: (r) => formatInviteCode(r.inviteCode) },
	{ header: m.si_x_link, width: 50, value: (r) => registerUrl(r.inviteCode) }
];

export async function campusCodesFile(db: Kysely<Database>, actor: Actor, format: CodeFormat, locale: Locale, signal?: AbortSignal): Promise<Download> {
	requireCoordinator(actor);
	const rows = await listCampusCodes(db);
	const o = { locale };
	const filename = `${m.si_codes_file({}, o)}.${format}`;
	// The PDF opens in the browser, to print; the lists are saved, and never kept by any cache.
	if (format === 'pdf') return { filename, contentType: pdfContentType, body: await codesPdf(db, rows, locale, signal), disposition: 'inline' };
	const header = columns.map((c) => c.header({}, o));
	// Every cell is text: the CSV helper puts an apostrophe before a leading =, +, - or @; write-excel-file stores such text as text.
	const cells = rows.map((r) => columns.map((c) => c.value(r)));
	if (format === 'csv') return { filename, contentType: csvContentType, body: csvDocument(header, cells, locale), cacheControl: 'no-store' };
	const data: Row[] = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...cells.map((row) => row.map((value) => ({ value, type: String })))];
	const file = await writeXlsxFile(data, { sheet: m.si_codes_sheet({}, o), columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 }).toBuffer();
	return {
		filename,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: file as Buffer<ArrayBuffer>,
		cacheControl: 'no-store'
	};
}

async function codesPdf(db: Kysely<Database>, rows: CodeRow[], locale: Locale, signal?: AbortSignal) {
	const o = { locale };
	const city = await citySettings(db, locale);
	const blocks = rows.map((r) => ({
		school: r.schoolName,
		campus: r.name,
		address: `${r.street}, ${r.postalCode} ${r.city}`,
		code: formatInviteCode(r.inviteCode),
		url: registerUrl(r.inviteCode)
	}));
	return campusCodesPdf(
		{
			cityName: city.cityName,
			title: m.si_codes_title({}, o),
			intro: m.si_codes_pdf_intro({ url: registerUrl('').replace(/\?code=$/, '') }, o),
			codeLabel: m.si_codes_code({}, o),
			linkLabel: m.si_codes_link({}, o),
			empty: m.si_codes_empty({}, o),
			page: (n) => m.si_codes_page({ n }, o)
		},
		blocks,
		signal
	);
}
