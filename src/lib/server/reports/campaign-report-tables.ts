import type { Level, Locale } from '../db/schema';
import * as m from '../../paraglide/messages';
import type { CampaignReport, KeyFigures } from './campaign-report.service';

/**
 * The report's tables in the reader's language, with typed cells: the PDF prints
 * them formatted, CSV and XLSX keep numbers as numbers. One definition, so the
 * files and the PDF always show the same figures.
 */
export type Cell = string | number | PercentCell | null;

/** A share (0.452): a percentage in a spreadsheet, formatted in the PDF. */
export interface PercentCell {
	percent: number;
}

export const isPercent = (cell: Cell): cell is PercentCell => typeof cell === 'object' && cell !== null;

export interface ReportTable {
	caption: string;
	headers: string[];
	widths: number[];
	rows: Cell[][];
}

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const levelName: Record<Level, Message> = {
	kleuter: m.level_kleuter,
	lager: m.level_lager,
	secundair: m.level_secundair,
	buitengewoon_basis: m.level_buitengewoon_basis,
	buitengewoon_secundair: m.level_buitengewoon_secundair,
	hoger: m.level_hoger
};

const bcp47 = (locale: Locale) => (locale === 'nl' ? 'nl-BE' : 'en-GB');

// One formatter per language: making one costs ~10 µs, and a Flanders report formats ~30,000 figures.
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale): string {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(bcp47(locale), { maximumFractionDigits: 1 })));
	return format.format(value);
}

export function shareText(f: KeyFigures, activeCampuses: number, locale: Locale): string {
	if (f.campusShare === null) return '–';
	const percent = new Intl.NumberFormat(bcp47(locale), { style: 'percent', maximumFractionDigits: 1 }).format(f.campusShare);
	return m.crep_f_share_value({ percent, reached: f.campuses, total: activeCampuses }, { locale });
}

/**
 * The key figures as [label, value] rows, everything a number. The share is text
 * in the PDF ("45 % (5 of 11)") and a percentage in the files, where it must
 * stay a number a spreadsheet can compute with.
 */
export function figureRows(f: KeyFigures, activeCampuses: number, locale: Locale, share: 'text' | 'percent'): [string, Cell][] {
	const o = { locale };
	const shareCell: Cell = share === 'text' ? shareText(f, activeCampuses, locale) : f.campusShare === null ? null : { percent: f.campusShare };
	return [
		[m.crep_f_campuses({}, o), f.campuses],
		[m.crep_f_share({}, o), shareCell],
		[m.crep_f_classes({}, o), f.classes],
		[m.crep_f_pupils({}, o), f.pupils],
		[m.crep_f_planned({}, o), f.workshops.planned],
		[m.crep_f_given({}, o), f.workshops.given],
		[m.crep_f_cancelled({}, o), f.workshops.cancelled],
		[m.crep_f_not_given({}, o), f.workshops.notGiven],
		[m.crep_f_pupils_present({}, o), f.workshops.pupilsPresent],
		[m.crep_f_trainer_hours({}, o), f.trainerHours],
		[m.crep_f_downloads({}, o), f.materialDownloads],
		[m.crep_f_kits({}, o), f.kitHandedOut]
	];
}

export const organisationName = (name: string | null, locale: Locale) => name ?? m.crep_no_organisation({}, { locale });

export function organisationsTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	return {
		caption: m.crep_organisations({}, o),
		headers: [m.crep_col_organisation({}, o), m.crep_col_workshops({}, o), m.crep_col_hours({}, o)],
		widths: [0.5, 0.25, 0.25],
		rows: r.figures.organisations.map((x) => [organisationName(x.organisation, locale), x.workshops, x.trainerHours])
	};
}

export function campusesTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	return {
		caption: m.crep_campuses({}, o),
		headers: [m.crep_col_school({}, o), m.crep_col_campus({}, o), m.crep_col_classes({}, o), m.crep_col_pupils({}, o), m.crep_col_workshops({}, o)],
		widths: [0.3, 0.26, 0.12, 0.14, 0.18],
		rows: r.campuses.map((c) => [c.school, c.campus, c.classes, c.pupils, c.workshopsGiven])
	};
}

export function levelsTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	return {
		caption: m.crep_chart_pupils_level({}, o),
		headers: [m.crep_col_level({}, o), m.crep_col_classes({}, o), m.crep_col_pupils({}, o)],
		widths: [0.6, 0.2, 0.2],
		rows: r.levels.map((l) => [levelName[l.level]({}, o), l.classes, l.pupils])
	};
}

export function gradesTable(r: CampaignReport, locale: Locale): ReportTable {
	const o = { locale };
	return {
		caption: m.crep_by_grade({}, o),
		headers: [m.crep_col_level({}, o), m.crep_col_grade({}, o), m.crep_col_classes({}, o), m.crep_col_pupils({}, o)],
		widths: [0.45, 0.15, 0.2, 0.2],
		rows: r.grades.map((g) => [levelName[g.level]({}, o), g.grade, g.classes, g.pupils])
	};
}

/** Figure | previous | this edition | change; null without a previous edition. */
export function comparisonTable(r: CampaignReport, locale: Locale): ReportTable | null {
	if (!r.previous) return null;
	const o = { locale };
	// The share is of today's campuses for both editions, so it is left out of the comparison.
	const withoutShare = (rows: [string, Cell][]) => rows.filter((_, i) => i !== 1);
	const now = withoutShare(figureRows(r.figures, r.activeCampuses, locale, 'text'));
	const before = withoutShare(figureRows(r.previous.figures, r.activeCampuses, locale, 'text'));
	const change = (a: Cell, b: Cell) => (typeof a === 'number' && typeof b === 'number' ? Math.round((a - b) * 10) / 10 : null);
	return {
		caption: m.crep_comparison({ previous: r.previous.edition.name }, o),
		headers: [m.crep_col_figure({}, o), r.previous.edition.name, r.edition.name, m.crep_col_change({}, o)],
		widths: [0.46, 0.18, 0.18, 0.18],
		rows: now.map(([label, value], i) => [label, before[i][1], value, change(value, before[i][1])])
	};
}
