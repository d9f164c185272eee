import type { Locale } from '../db/schema';
import * as m from '../../paraglide/messages';
import type { CampaignReport } from './campaign-report.service';
import type { ReportTable, Cell } from './campaign-report-tables';
import { maxReportRemarks } from './teacher-evaluation-figures.service';

/**
 * The "What teachers said" block of the report (issue 19.4) as the PDF and the
 * files print it: one table definition, so every output shows the same figures.
 * A mean below the minimum group reads "too few answers", never a number.
 */
const textOf = (q: { textNl: string; textEn: string }, locale: Locale) => (locale === 'en' ? q.textEn : q.textNl);

/**
 * Question | answers | mean previous | mean this edition | difference (the
 * previous edition's columns only when there is one), plus how many gave each
 * score in the files (`distribution`), where a spreadsheet has room for them.
 */
export function teacherFiguresTable(r: CampaignReport, locale: Locale, opts: { distribution: boolean }): ReportTable {
	const o = { locale };
	const t = r.impact.teachers;
	const tooFew = m.imp_too_few({}, o);
	const p = r.previous;
	const scores = opts.distribution ? [1, 2, 3, 4, 5] : [];
	return {
		caption: m.imp_teachers_heading({}, o),
		headers: [
			m.imp_col_question({}, o),
			m.imp_col_answers({}, o),
			...(p ? [m.imp_col_mean({ edition: p.edition.name }, o)] : []),
			m.imp_col_mean({ edition: r.edition.name }, o),
			...(p ? [m.imp_col_change({}, o)] : []),
			...scores.map((score) => m.imp_col_score({ score }, o))
		],
		widths: p ? [0.4, 0.13, 0.16, 0.16, 0.15] : [0.6, 0.2, 0.2],
		rows: t.questions.map((q) => {
			const previous: Cell[] = p ? [q.previousAnswers === 0 ? null : (q.previousMean ?? tooFew)] : [];
			const change: Cell[] = p ? [q.change] : [];
			const spread: Cell[] = scores.map((_, i) => (q.distribution ? q.distribution[i] : tooFew));
			return [textOf(q, locale), q.answers, ...previous, q.mean ?? (q.answers === 0 ? null : tooFew), ...change, ...spread];
		})
	};
}

/** "12 of 30 classes …", the previous edition's count and the suppression rule: the lines under the table. */
export function teacherFiguresNotes(r: CampaignReport, locale: Locale): string[] {
	const o = { locale };
	const t = r.impact.teachers;
	return [
		m.imp_teachers_answered({ evaluations: t.evaluations, classes: t.classes }, o),
		...(r.previous && t.previous
			? [m.imp_teachers_previous({ edition: r.previous.edition.name, evaluations: t.previous.evaluations, classes: t.previous.classes }, o)]
			: []),
		m.imp_scale({}, o),
		m.imp_rule({ n: t.minGroup }, o)
	];
}

/** The remarks teachers shared, one a row, for the workbook. */
export function teacherRemarksTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	return {
		caption: m.imp_remarks_heading({}, o),
		headers: [m.imp_col_remark({}, o)],
		widths: [1],
		rows: r.impact.teachers.remarks.map((text) => [text])
	};
}

export const remarksIntro = (locale: Locale) => m.imp_remarks_intro({ max: maxReportRemarks }, { locale });

/** The figures as the CSV and the workbook hold them: the spread of scores, then the notes and the rule under an empty row. */
export function teacherFiguresFileTable(r: CampaignReport, locale: Locale): ReportTable {
	const table = teacherFiguresTable(r, locale, { distribution: true });
	const rows = table.rows.length === 0 ? [[m.imp_no_questions({}, { locale })]] : table.rows;
	return { ...table, widths: [0.5, ...table.headers.slice(1).map(() => 0.14)], rows: [...rows, [], ...teacherFiguresNotes(r, locale).map((note) => [note])] };
}
