import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { limits } from '../../../limits';
import * as m from '../../../paraglide/messages';
import { maxBlockedRangeDays, maxImportEntries } from '../../../schemas/blocked-day';
import { addDays } from '../../../time/brussels';
import { decodeCsv } from '../../campuses/campus-import/decode';

/**
 * Reading a list of blocked days from a file, for a school year the computed
 * calendar does not cover or a school's own days. Two formats:
 *
 * - CSV, one entry a line: `date;name` or `date;last day;name` (";" or ","),
 *   dates as 2026-02-16 or 16/02/2026, an optional header line;
 * - iCalendar (.ics): each VEVENT an all-day event, DTSTART and DTEND (the day
 *   after the last, as RFC 5545 has it) with VALUE=DATE, SUMMARY as the name.
 *
 * Pure: what the file says, line by line, with a message for each bad line.
 */
export const maxImportBytes = 256 * 1024;

export interface ImportEntry {
	/** The line of the file the entry starts on (1 = first). */
	line: number;
	from: string;
	to: string;
	label: string | null;
}

export type ImportProblem = { line: number; message: string };

export type ImportParse = { ok: true; entries: ImportEntry[] } | { ok: false; message: string; problems: ImportProblem[] };

const refuse = (message: string): ImportParse => ({ ok: false, message, problems: [] });

/** 2026-02-16, 16/02/2026 or 16-2-2026 to YYYY-MM-DD; null when it is no real date. */
export function importDate(raw: string): string | null {
	const s = raw.trim();
	let iso: string | null = null;
	const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
	else if (/^\d{8}$/.test(s)) iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
	else if (dmy) iso = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
	return iso && z.iso.date().safeParse(iso).success ? iso : null;
}

/** One entry as read, checked: real dates, the last day not before the first, a short range, a short name. */
const entrySchema = z.object({ line: z.number(), from: z.string(), to: z.string(), label: z.string() }).transform((v, ctx) => {
	const from = importDate(v.from);
	const to = v.to.trim() === '' ? from : importDate(v.to);
	const label = v.label.trim();
	if (!from) ctx.addIssue({ code: 'custom', message: m.bd_import_p_date({ value: v.from.trim().slice(0, 40) }) });
	else if (!to) ctx.addIssue({ code: 'custom', message: m.bd_import_p_date({ value: v.to.trim().slice(0, 40) }) });
	else if (to < from) ctx.addIssue({ code: 'custom', message: m.bd_import_p_to_before_from() });
	else if (addDays(from, maxBlockedRangeDays - 1) < to) ctx.addIssue({ code: 'custom', message: m.bd_import_p_too_long({ max: maxBlockedRangeDays }) });
	if (label.length > limits.blockedDayLabel) ctx.addIssue({ code: 'custom', message: m.bd_import_p_label_long({ max: limits.blockedDayLabel }) });
	return { line: v.line, from: from ?? '', to: to ?? '', label: label || null };
});

type Raw = { line: number; from: string; to: string; label: string } | ImportProblem;

function check(raws: Raw[]): ImportParse {
	if (!raws.length) return refuse(m.bd_import_empty());
	if (raws.length > maxImportEntries) return refuse(m.bd_import_too_many({ max: maxImportEntries }));
	const entries: ImportEntry[] = [];
	const problems: ImportProblem[] = [];
	for (const raw of raws) {
		if ('message' in raw) {
			problems.push(raw);
			continue;
		}
		const r = entrySchema.safeParse(raw);
		if (r.success) entries.push(r.data);
		else problems.push({ line: raw.line, message: r.error.issues[0].message });
	}
	return problems.length ? { ok: false, message: m.bd_import_errors({ count: problems.length }), problems } : { ok: true, entries };
}

function csvRaws(text: string): Raw[] | null {
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	const delimiter = !firstLine.includes(';') && firstLine.includes(',') ? ',' : ';';
	let records: string[][];
	try {
		records = parse(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
	} catch (err) {
		if (err instanceof CsvError) return null;
		throw err;
	}
	const raws: Raw[] = [];
	records.forEach((cells, i) => {
		const used = cells.map((c) => c.trim());
		while (used.length && used[used.length - 1] === '') used.pop();
		if (!used.length) return;
		// A header line ("datum;tot;omschrijving") is skipped: its first cell is no date, nor a number.
		if (i === 0 && !/\d/.test(used[0])) return;
		const line = i + 1;
		if (used.length === 1) raws.push({ line, from: used[0], to: '', label: '' });
		else if (used.length === 2) raws.push({ line, from: used[0], to: importDate(used[1]) ? used[1] : '', label: importDate(used[1]) ? '' : used[1] });
		else if (used.length === 3) raws.push({ line, from: used[0], to: used[1], label: used[2] });
		else raws.push({ line, message: m.bd_import_p_columns() });
	});
	return raws;
}

/** RFC 5545 text: unescape \\, \; \, and \n. */
const icsText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));

function icsRaws(text: string): Raw[] {
	// Unfold: a line starting with a space or tab continues the one before.
	const lines = text.split(/\r\n|\n|\r/);
	const unfolded: { line: number; text: string }[] = [];
	lines.forEach((l, i) => {
		if ((l.startsWith(' ') || l.startsWith('\t')) && unfolded.length) unfolded[unfolded.length - 1].text += l.slice(1);
		else unfolded.push({ line: i + 1, text: l });
	});
	const raws: Raw[] = [];
	let event: { line: number; props: Map<string, { params: string; value: string }> } | null = null;
	for (const { line, text: l } of unfolded) {
		if (/^BEGIN:VEVENT$/i.test(l.trim())) event = { line, props: new Map() };
		else if (/^END:VEVENT$/i.test(l.trim()) && event) {
			const start = event.props.get('DTSTART');
			const end = event.props.get('DTEND');
			const summary = icsText(event.props.get('SUMMARY')?.value ?? '');
			if (!start) raws.push({ line: event.line, message: m.bd_import_p_no_start() });
			else if (start.value.includes('T') || (end && end.value.includes('T'))) raws.push({ line: event.line, message: m.bd_import_p_timed() });
			else {
				const from = importDate(start.value);
				const endDay = end ? importDate(end.value) : null;
				// DTEND of an all-day event is exclusive: the last day is the one before it.
				const to = end ? (endDay ? addDays(endDay, -1) : end.value) : '';
				raws.push({ line: event.line, from: from ?? start.value, to: to && from && to < from ? from : to, label: summary });
			}
			event = null;
		} else if (event) {
			const match = /^([A-Za-z-]+)((?:;[^:]*)?):(.*)$/.exec(l);
			if (match) event.props.set(match[1].toUpperCase(), { params: match[2], value: match[3].trim() });
		}
	}
	return raws;
}

/** The file's entries, or why it cannot be imported (per line where a line is at fault). */
export function parseBlockedDaysFile(bytes: Uint8Array): ImportParse {
	if (bytes.length > maxImportBytes) return refuse(m.bd_import_too_large({ max: maxImportBytes / 1024 }));
	const decoded = decodeCsv(bytes);
	if (!decoded.ok) return refuse(decoded.code === 'empty' ? m.bd_import_empty() : m.bd_import_undecodable());
	if (/^\s*BEGIN:VCALENDAR/i.test(decoded.text)) return check(icsRaws(decoded.text));
	const raws = csvRaws(decoded.text);
	return raws ? check(raws) : refuse(m.bd_import_undecodable());
}
