import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { listEditionsWithCampaign } from './edition.repository';
import { enrolmentPhase } from './edition-rules';
import { publishedEditions } from './published-editions';

type EditionRow = Awaited<ReturnType<typeof listEditionsWithCampaign>>[number];

/** An edition as start pages show it: with the derived enrolment phase, never a stored flag. */
export const editionForDisplay = (e: EditionRow, now: Date) => ({
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
});

export async function editionsForDisplay(db: Kysely<Database>, statuses: ('draft' | 'published' | 'archived')[]) {
	const now = clock.now();
	return (await listEditionsWithCampaign(db, statuses)).map((e) => editionForDisplay(e, now));
}

/** The published ones, from the short-lived cache (published-editions.ts). */
export async function publishedEditionsForDisplay(db: Kysely<Database>) {
	const now = clock.now();
	return (await publishedEditions(db)).map((e) => editionForDisplay(e, now));
}
