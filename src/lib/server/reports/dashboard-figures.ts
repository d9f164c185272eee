import type { Kysely } from 'kysely';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Database } from '../db/schema';
import { shortLived } from '../cache/short-lived';
import { listPublishedEditionPeriods } from '../campaigns/edition.repository';
import { publishedEditions } from '../campaigns/published-editions';
import { clock } from '../db/time';
import { brusselsDateOf } from '../../time/brussels';
import { countWaitingClasses } from './dashboard.repository';
import { countedPupilAnswers } from '../pupil-survey/pupil-figures.service';
import { teacherEvaluationSummary } from './teacher-evaluation-figures.service';
import { classTotals, organisationWork, workshopTotals, type ClassTotals, type WorkshopTotals } from './campaign-report.repository';

/**
 * The coordinator dashboard's key figures: the current or next published
 * edition's reach, waiting list, workshops and given workshops per organisation. Three of the
 * campaign report's aggregate queries, without its campus table.
 */
export interface DashboardFigures {
	edition: { id: number; name: string };
	/** When the figures were counted (they may be a few seconds old). */
	countedAt: Date;
	reach: ClassTotals;
	/** Classes on the edition's waiting list. */
	waiting: number;
	workshops: WorkshopTotals;
	organisations: { organisation: string | null; workshops: number }[];
	/** Teachers' evaluations answered and their mean score, null below the minimum group (issue 19.4). */
	evaluations: { evaluations: number; mean: number | null; minGroup: number };
	/** Pupils' questionnaire answers the figures count (issue 19.3): 0 or at least the minimum group. */
	pupils: { answers: number; minGroup: number };
}

type EditionPeriod = Pick<Row<'editions'>, 'id' | 'name' | 'workshopStartsOn' | 'workshopEndsOn'>;

/** The published edition whose workshop period has not ended, soonest first; else the latest published one. */
function currentOf<E extends EditionPeriod>(published: E[]): E | null {
	const sorted = [...published].sort((a, b) => a.workshopStartsOn.localeCompare(b.workshopStartsOn) || a.id - b.id);
	const today = brusselsDateOf(clock.now());
	return sorted.find((e) => e.workshopEndsOn >= today) ?? sorted.at(-1) ?? null;
}

async function figuresOf(db: Db, edition: EditionPeriod): Promise<DashboardFigures> {
	const [classes, waiting, workshops, organisations, evaluations, pupils] = await Promise.all([
		classTotals(db, [edition.id]),
		countWaitingClasses(db, edition.id),
		workshopTotals(db, [edition.id]),
		organisationWork(db, [edition.id]),
		teacherEvaluationSummary(db, edition.id),
		countedPupilAnswers(db, edition.id)
	]);
	return {
		edition: { id: edition.id, name: edition.name },
		countedAt: clock.now(),
		reach: classes.get(edition.id) ?? { campuses: 0, classes: 0, pupils: 0 },
		waiting,
		workshops: workshops.get(edition.id) ?? { planned: 0, given: 0, cancelled: 0, notGiven: 0, pupilsPresent: 0 },
		organisations: organisations
			.map((o) => ({ organisation: o.organisation, workshops: o.workshops }))
			.sort((a, b) => b.workshops - a.workshops || (a.organisation ?? '\uffff').localeCompare(b.organisation ?? '\uffff')),
		evaluations,
		pupils
	};
}

/** Counted now. */
export async function dashboardFigures(db: Db): Promise<DashboardFigures | null> {
	const published = await listPublishedEditionPeriods(db);
	const edition = currentOf(published);
	return edition ? figuresOf(db, edition) : null;
}

/**
 * For the dashboard, which every coordinator opens first: the three aggregates read
 * the whole edition (about 55 ms at 100,000 classes), so they are counted at most
 * every `recentMs` per process and the page says when ("as of 14:02").
 */
export const recentMs = 15_000;
const recent = shortLived<number, DashboardFigures>(recentMs);

export async function recentDashboardFigures(db: Kysely<Database>): Promise<DashboardFigures | null> {
	const edition = currentOf(await publishedEditions(db));
	return edition ? recent.get(edition.id, () => figuresOf(db, edition)) : null;
}

export const forgetDashboardFigures = (): void => recent.forget();
