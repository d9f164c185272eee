import type { Db } from '../db';
import { clock } from '../db/time';
import { brusselsDateOf } from '../../time/brussels';
import { classTotals, organisationWork, workshopTotals, type ClassTotals, type WorkshopTotals } from './campaign-report.repository';

/**
 * The coordinator dashboard's key figures: the current or next published
 * edition's reach, workshops and given workshops per organisation. Three of the
 * campaign report's aggregate queries, without its campus table.
 */
export interface DashboardFigures {
	edition: { id: number; name: string };
	reach: ClassTotals;
	workshops: WorkshopTotals;
	organisations: { organisation: string | null; workshops: number }[];
}

/** The published edition whose workshop period has not ended, soonest first; else the latest published one. */
async function currentEdition(db: Db) {
	const published = await db
		.selectFrom('editions')
		.select(['id', 'name', 'year', 'workshopStartsOn', 'workshopEndsOn'])
		.where('status', '=', 'published')
		.orderBy('workshopStartsOn')
		.orderBy('id')
		.execute();
	const today = brusselsDateOf(clock.now());
	return published.find((e) => e.workshopEndsOn >= today) ?? published.at(-1) ?? null;
}

export async function dashboardFigures(db: Db): Promise<DashboardFigures | null> {
	const edition = await currentEdition(db);
	if (!edition) return null;
	const [classes, workshops, organisations] = await Promise.all([classTotals(db, [edition.id]), workshopTotals(db, [edition.id]), organisationWork(db, [edition.id])]);
	return {
		edition: { id: edition.id, name: edition.name },
		reach: classes.get(edition.id) ?? { campuses: 0, classes: 0, pupils: 0 },
		workshops: workshops.get(edition.id) ?? { planned: 0, given: 0, cancelled: 0, notGiven: 0, pupilsPresent: 0 },
		organisations: organisations
			.map((o) => ({ organisation: o.organisation, workshops: o.workshops }))
			.sort((a, b) => b.workshops - a.workshops || (a.organisation ?? '\uffff').localeCompare(b.organisation ?? '\uffff'))
	};
}
