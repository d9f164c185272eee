import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { listEditionsWithCampaign } from './edition.repository';
import { enrolmentPhase } from './edition-rules';

/** Editions as start pages show them: with the derived enrolment phase, never a stored flag. */
export async function editionsForDisplay(db: Kysely<Database>, statuses: ('draft' | 'published' | 'archived')[]) {
	const now = clock.now();
	const rows = await listEditionsWithCampaign(db, statuses);
	return rows.map((e) => ({
		id: e.id,
		name: e.name,
		campaignName: e.campaignName,
		descriptionNl: e.descriptionNl,
		descriptionEn: e.descriptionEn,
		phase: enrolmentPhase(e, now),
		opensAt: fromDbTime(e.enrolmentOpensAt),
		closesAt: fromDbTime(e.enrolmentClosesAt),
		workshopStartsOn: e.workshopStartsOn,
		workshopEndsOn: e.workshopEndsOn
	}));
}
