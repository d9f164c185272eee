import type { Locale } from '../db/schema';
import * as m from '../../paraglide/messages';
import type { CampaignReport } from './campaign-report.service';
import type { Cell, ReportTable } from './campaign-report-tables';

/**
 * The "What pupils answered" block of the report (issue 19.4) as the PDF and the
 * workbook print it, one definition for both. A suppressed cell reads "too few
 * answers": never a number, not even how many answered.
 */
const textOf = (q: { textNl: string; textEn: string }, locale: Locale) => (locale === 'en' ? q.textEn : q.textNl);

/** Question | answers | mean previous edition | mean before | mean after | difference (columns only where they apply). */
export function pupilFiguresTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	const p = r.impact.pupils;
	const tooFew = m.imp_too_few({}, o);
	const prev = r.previous;
	const mean = (c: { mean: number } | null): Cell => (c ? c.mean : tooFew);
	const headers = [
		m.imp_col_question({}, o),
		m.imp_col_answers({}, o),
		...(prev ? [m.imp_col_mean({ edition: prev.edition.name }, o)] : []),
		...(p.beforeAfter ? [m.pq_rep_col_before({}, o)] : []),
		m.imp_col_mean({ edition: r.edition.name }, o),
		...(prev ? [m.imp_col_change({}, o)] : [])
	];
	return {
		caption: m.pq_rep_heading({}, o),
		headers,
		widths: [0.4, ...headers.slice(1).map(() => 0.6 / (headers.length - 1))],
		rows: p.questions.map((q) => [
			textOf(q, locale),
			q.after ? q.after.answers : tooFew,
			...(prev ? [mean(q.previousAfter)] : []),
			...(p.beforeAfter ? [mean(q.before)] : []),
			mean(q.after),
			...(prev ? [q.change] : [])
		])
	};
}

/** The lines under the table: the scale, how a questionnaire counts, and the rule. */
export function pupilFiguresNotes(r: CampaignReport, locale: Locale): string[] {
	const o = { locale };
	const p = r.impact.pupils;
	return [
		...(p.questions.length && !p.hasAnswers ? [m.pq_rep_no_answers({}, o)] : []),
		m.imp_scale({}, o),
		m.pq_rep_note({ n: p.minGroup }, o),
		m.imp_rule({ n: p.minGroup }, o)
	];
}

/** The figures as the workbook holds them, the notes under an empty row. */
export function pupilFiguresFileTable(r: CampaignReport, locale: Locale): ReportTable {
	const table = pupilFiguresTable(r, locale);
	const rows = table.rows.length === 0 ? [[m.pq_rep_none({}, { locale })]] : table.rows;
	return { ...table, rows: [...rows, [], ...pupilFiguresNotes(r, locale).map((note) => [note])] };
}
