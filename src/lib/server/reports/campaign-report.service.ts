import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Level } from '../db/schema';
import { levels as allLevels } from '../../domain';
import * as q from './campaign-report.repository';
import { NotFoundError } from '../errors';
import { pupilReportFigures, type PupilReportFigures } from './pupil-report-figures.service';
import { teacherEvaluationFigures, type TeacherEvaluationFigures } from './teacher-evaluation-figures.service';

/**
 * The campaign report of an edition (for the council and the Rainbow Cities
 * Network): key figures of the edition and of its predecessor, the campus table
 * and the breakdowns, and what teachers said. Sixteen queries at most, whatever
 * the size of the edition.
 */
export interface OrganisationFigure {
	organisation: string | null;
	workshops: number;
	trainerHours: number;
}

export interface KeyFigures {
	campuses: number;
	classes: number;
	pupils: number;
	/** Campuses reached as a share of the city's active campuses, 0–1; null when the city has none. */
	campusShare: number | null;
	workshops: q.WorkshopTotals;
	organisations: OrganisationFigure[];
	trainerHours: number;
	materialDownloads: number;
	kitHandedOut: number;
}

export interface ReportEdition {
	id: number;
	name: string;
	year: number;
	campaignName: string;
}

export interface CampaignReport {
	edition: ReportEdition;
	figures: KeyFigures;
	activeCampuses: number;
	previous: { edition: ReportEdition; figures: KeyFigures } | null;
	campuses: (q.CampusRow & { workshopsGiven: number })[];
	levels: { level: Level; classes: number; pupils: number }[];
	grades: q.GradeRow[];
	/**
	 * What the workshops changed (issue 19.4), one block per audience: the
	 * teachers' evaluations now; the pupils' questionnaire joins as a second block.
	 */
	impact: { teachers: TeacherEvaluationFigures; pupils: PupilReportFigures };
}

/** The edition it was copied from, else the campaign's latest earlier year. */
export function previousEdition(editions: q.ReportEditionRow[], current: q.ReportEditionRow): q.ReportEditionRow | null {
	const copied = editions.find((e) => e.id === current.copiedFromEditionId && e.id !== current.id);
	if (copied) return copied;
	const earlier = editions.filter((e) => e.year < current.year).sort((a, b) => b.year - a.year || b.id - a.id);
	return earlier[0] ?? null;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const emptyWorkshops: q.WorkshopTotals = { planned: 0, given: 0, cancelled: 0, notGiven: 0, pupilsPresent: 0 };

interface Totals {
	classes: Map<number, q.ClassTotals>;
	workshops: Map<number, q.WorkshopTotals>;
	organisations: q.OrganisationWork[];
	downloads: Map<number, number>;
	kits: Map<number, number>;
	activeCampuses: number;
}

function figuresOf(t: Totals, editionId: number): KeyFigures {
	const classes = t.classes.get(editionId) ?? { campuses: 0, classes: 0, pupils: 0 };
	const organisations = t.organisations
		.filter((o) => o.editionId === editionId)
		.map((o) => ({ organisation: o.organisation, workshops: o.workshops, trainerHours: hours(o.trainerMinutes) }))
		.sort((a, b) => b.workshops - a.workshops || (a.organisation ?? '\uffff').localeCompare(b.organisation ?? '\uffff'));
	const minutes = t.organisations.filter((o) => o.editionId === editionId).reduce((sum, o) => sum + o.trainerMinutes, 0);
	return {
		...classes,
		campusShare: t.activeCampuses > 0 ? classes.campuses / t.activeCampuses : null,
		workshops: t.workshops.get(editionId) ?? emptyWorkshops,
		organisations,
		trainerHours: hours(minutes),
		materialDownloads: t.downloads.get(editionId) ?? 0,
		kitHandedOut: t.kits.get(editionId) ?? 0
	};
}

const editionOf = (e: q.ReportEditionRow): ReportEdition => ({ id: e.id, name: e.name, year: e.year, campaignName: e.campaignName });

function levelTotals(grades: q.GradeRow[]) {
	return allLevels
		.map((level) => {
			const rows = grades.filter((g) => g.level === level);
			return { level, classes: rows.reduce((s, r) => s + r.classes, 0), pupils: rows.reduce((s, r) => s + r.pupils, 0) };
		})
		.filter((l) => l.classes > 0);
}

/** The report of an edition for a coordinator (others: Forbidden; unknown edition: NotFound). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function campaignReport(db: Db, actor: Actor, editionId: number): Promise<CampaignReport> {
	requireCoordinator(actor);
	const editions = await q.listCampaignEditions(db, editionId);
	const current = editions.find((e) => e.id === editionId);
	if (!current) throw new NotFoundError();
	const previous = previousEdition(editions, current);
	const ids = previous ? [current.id, previous.id] : [current.id];
	const totals: Totals = {
		classes: await q.classTotals(db, ids),
		workshops: await q.workshopTotals(db, ids),
		organisations: await q.organisationWork(db, ids),
		downloads: await q.materialDownloadTotals(db, ids),
		kits: await q.kitHandedOutTotals(db, ids),
		activeCampuses: await q.countActiveCampuses(db)
	};
	const given = await q.givenPerCampus(db, editionId);
	// SQLite answers synchronously: the two ~70 ms scans of a Flanders edition each
	// get their own turn of the event loop, so other users' pages run in between.
	await nextTurn();
	const campuses = (await q.campusRows(db, editionId)).map((c) => ({ ...c, workshopsGiven: given.get(c.campusId) ?? 0 }));
	await nextTurn();
	const grades = sortGrades(await q.gradeRows(db, editionId));
	const teachers = await teacherEvaluationFigures(db, current, previous);
	const pupils = await pupilReportFigures(db, current, previous);
	return {
		edition: editionOf(current),
		figures: figuresOf(totals, current.id),
		activeCampuses: totals.activeCampuses,
		previous: previous ? { edition: editionOf(previous), figures: figuresOf(totals, previous.id) } : null,
		campuses,
		levels: levelTotals(grades),
		grades,
		impact: { teachers, pupils }
	};
}

/** Levels in school order, grades in their natural order within a level ("2" before "10"). */
function sortGrades(rows: q.GradeRow[]): q.GradeRow[] {
	const rank = (l: Level) => allLevels.indexOf(l);
	return [...rows].sort((a, b) => rank(a.level) - rank(b.level) || a.grade.localeCompare(b.grade, 'nl', { numeric: true }));
}
