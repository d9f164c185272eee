import type { Locale } from '../db/schema';
import type { CitySettings } from '../settings/settings.service';
import type { PdfTable } from './report-table';
import type { CampaignReportPdfView, ReportSection } from './campaign-report-pdf';
import type { PdfBar, PdfBarChart, PdfPairChart } from './report-charts';
import * as m from '../../paraglide/messages';
import { pupilFiguresNotes, pupilFiguresTable } from './pupil-report-tables';
import { formatDate } from '../../time/brussels';
import type { CampaignReport } from './campaign-report.service';
import * as t from './campaign-report-tables';
import { remarksIntro, teacherFiguresNotes, teacherFiguresTable } from './teacher-evaluation-tables';

/** The campaign report's PDF view model in one language, from the report and the city settings. */
const cellText = (cell: t.Cell, locale: Locale) =>
	cell === null ? '–' : typeof cell === 'number' ? t.formatNumber(cell, locale) : t.isPercent(cell) ? `${t.formatNumber(cell.percent * 100, locale)} %` : cell;

function pdfTable(table: t.ReportTable, locale: Locale, numericFrom: number): PdfTable {
	return {
		caption: table.caption,
		headers: table.headers,
		widths: table.widths,
		numeric: table.headers.map((_, i) => i >= numericFrom),
		rows: table.rows.map((row) => row.map((c) => cellText(c, locale))),
		empty: m.crep_none({}, { locale })
	};
}

const barOf = (label: string, value: number, locale: Locale): PdfBar => ({ label, value, display: t.formatNumber(value, locale) });

function charts(r: CampaignReport, locale: Locale) {
	const o = { locale };
	const alt = m.crep_chart_alt({}, o);
	const pupils: PdfBarChart = { title: m.crep_chart_pupils_level({}, o), alt, bars: r.levels.map((l) => barOf(t.levelName[l.level]({}, o), l.pupils, locale)) };
	const organisations: PdfBarChart = {
		title: m.crep_chart_given_org({}, o),
		alt,
		bars: r.figures.organisations.map((x) => barOf(t.organisationName(x.organisation, locale), x.workshops, locale))
	};
	const pair = (label: string, before: number, now: number) => ({ label, bars: [barOf(label, before, locale), barOf(label, now, locale)] as [PdfBar, PdfBar] });
	const p = r.previous;
	const compare: PdfPairChart | null = p && {
		title: m.crep_chart_compare({}, o),
		alt,
		series: [p.edition.name, r.edition.name],
		groups: [
			pair(m.crep_f_classes({}, o), p.figures.classes, r.figures.classes),
			pair(m.crep_f_pupils({}, o), p.figures.pupils, r.figures.pupils),
			pair(m.crep_f_given({}, o), p.figures.workshops.given, r.figures.workshops.given),
			pair(m.crep_f_trainer_hours({}, o), p.figures.trainerHours, r.figures.trainerHours)
		]
	};
	return { pupils, organisations, compare };
}

function sections(r: CampaignReport, locale: Locale): ReportSection[] {
	const o = { locale };
	const c = charts(r, locale);
	const comparison = t.comparisonTable(r, locale);
	return [
		{ heading: m.crep_organisations({}, o), charts: [c.organisations], tables: [pdfTable(t.organisationsTable(r, locale), locale, 1)] },
		{ heading: m.crep_campuses({}, o), charts: [], tables: [pdfTable(t.campusesTable(r, locale), locale, 2)] },
		{
			heading: m.crep_levels({}, o),
			charts: [c.pupils],
			tables: [pdfTable(t.levelsTable(r, locale), locale, 1), pdfTable(t.gradesTable(r, locale), locale, 2)]
		},
		comparison && c.compare
			? { heading: comparison.caption, charts: [c.compare], tables: [pdfTable(comparison, locale, 1)] }
			: { heading: m.crep_comparison_none({}, o), intro: m.crep_no_previous({}, o), charts: [], tables: [] },
		teachersSection(r, locale),
		pupilsSection(r, locale)
	];
}

/** "What pupils answered" (issue 19.4): the figures with "too few answers" where suppressed, and the rule under them. */
function pupilsSection(r: CampaignReport, locale: Locale): ReportSection {
	const o = { locale };
	const pupils = r.impact.pupils;
	const means = pupils.questions.filter((q) => q.after !== null);
	const chart: PdfBarChart = {
		title: m.pq_rep_chart({ edition: r.edition.name }, o),
		alt: m.crep_chart_alt({}, o),
		bars: means.map((q) => barOf(locale === 'en' ? q.textEn : q.textNl, q.after?.mean ?? 0, locale))
	};
	return {
		heading: m.pq_rep_heading({}, o),
		intro: pupils.questions.length === 0 ? m.pq_rep_none({}, o) : undefined,
		charts: means.length > 1 ? [chart] : [],
		tables: pupils.questions.length ? [pdfTable(pupilFiguresTable(r, locale), locale, 1)] : [],
		notes: pupils.questions.length ? pupilFiguresNotes(r, locale) : []
	};
}

/** "What teachers said" (issue 19.4): the figures, the rule under them, and the remarks teachers shared. */
function teachersSection(r: CampaignReport, locale: Locale): ReportSection {
	const o = { locale };
	const teachers = r.impact.teachers;
	const means = teachers.questions.filter((q) => q.mean !== null);
	const chart: PdfBarChart = {
		title: m.imp_chart({ edition: r.edition.name }, o),
		alt: m.crep_chart_alt({}, o),
		bars: means.map((q) => barOf(locale === 'en' ? q.textEn : q.textNl, q.mean ?? 0, locale))
	};
	return {
		heading: m.imp_teachers_heading({}, o),
		intro: teachers.questions.length === 0 ? m.imp_no_questions({}, o) : undefined,
		charts: means.length > 1 ? [chart] : [],
		tables: teachers.questions.length ? [pdfTable(teacherFiguresTable(r, locale, { distribution: false }), locale, 1)] : [],
		notes: teacherFiguresNotes(r, locale),
		quotes: { heading: m.imp_remarks_heading({}, o), intro: remarksIntro(locale), items: teachers.remarks, empty: m.imp_remarks_none({}, o) }
	};
}

/** The city's help links and contact address, as on the footer of every page. */
function contactLines(city: CitySettings, locale: Locale) {
	const o = { locale };
	return [
		...city.helpLinks.map((l) => ({ label: l.label, text: (l.url ?? '').replace(/^https?:\/\//, ''), url: null })),
		{ label: m.cs_report_contact({}, o), text: city.contactEmail ?? '', url: null },
		{ label: m.cs_report_website({}, o), text: (city.website ?? '').replace(/^https?:\/\//, ''), url: null }
	].filter((c) => c.text);
}

/**
 * The campaign and its edition, the campaign named once: an edition called
 * "Campagne 2027" says it alone (not "Campagne / Editie Campagne 2027"); one
 * called "2027-2028" reads "Campagne · Editie 2027-2028".
 */
export function editionLine(campaignName: string, editionName: string, locale: Locale): string {
	if (editionName.toLocaleLowerCase(locale).includes(campaignName.trim().toLocaleLowerCase(locale))) return editionName;
	return `${campaignName} · ${m.crep_cover_edition({ edition: editionName }, { locale })}`;
}

/** `logo`: the city's logo bytes (PNG or JPEG), or null for a cover with the name alone. */
export function campaignReportPdfView(r: CampaignReport, city: CitySettings, locale: Locale, today: string, logo: Buffer | null = null): CampaignReportPdfView {
	const o = { locale };
	const contact = contactLines(city, locale);
	return {
		lang: locale === 'nl' ? 'nl-BE' : 'en',
		title: m.crep_title({}, o),
		cityName: city.cityName,
		logo,
		campaignName: r.edition.campaignName,
		editionLine: editionLine(r.edition.campaignName, r.edition.name, locale),
		generated: m.crep_generated({ date: formatDate(today, locale) }, o),
		accent: /^#[0-9a-f]{6}$/i.test(city.accentColor) ? city.accentColor : '#6b2d8f',
		pageLabel: m.crep_page({ n: '{n}', total: '{total}' }, o),
		highlights: [
			[t.formatNumber(r.figures.classes, locale), m.crep_f_classes({}, o)],
			[t.formatNumber(r.figures.pupils, locale), m.crep_f_pupils({}, o)],
			[t.formatNumber(r.figures.workshops.given, locale), m.crep_f_given({}, o)]
		],
		keyFigures: {
			heading: m.crep_key_figures({}, o),
			caption: r.edition.name,
			headers: [m.crep_col_figure({}, o), m.crep_x_value({}, o)],
			rows: t.figureRows(r.figures, r.activeCampuses, locale, 'text').map(([label, value]) => [label, cellText(value, locale)]),
			note: m.crep_figures_note({}, o)
		},
		sections: sections(r, locale),
		contact: { heading: m.crep_contact_heading({}, o), lines: contact }
	};
}
