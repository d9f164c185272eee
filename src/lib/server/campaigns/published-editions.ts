import type { Kysely } from 'kysely';
import { shortLived } from '../cache/short-lived';
import type { Database } from '../db/schema';
import { listEditionsWithCampaign, listGradesOfEditions } from './edition.repository';

/**
 * The published editions with their campaign and grades. Every teacher's and
 * trainer's start page and the coordinator dashboard read them, and they change a
 * few times a year, so they are cached briefly per process like the city settings
 * (settings.service.ts); every edition or campaign write in this process forgets
 * them (edition-admin.repository.ts, campaign.repository.ts). Another process sees
 * a change within ten seconds. Nothing here derives from the clock: the enrolment
 * phase is computed by the reader on every request.
 */
export type PublishedEdition = Awaited<ReturnType<typeof listEditionsWithCampaign>>[number] & { grades: string[] };

const cache = shortLived<'published', PublishedEdition[]>(10_000);

async function load(db: Kysely<Database>): Promise<PublishedEdition[]> {
	const rows = await listEditionsWithCampaign(db, ['published']);
	const grades = await listGradesOfEditions(
		db,
		rows.map((e) => e.id)
	);
	return rows.map((e) => ({ ...e, grades: grades.filter((g) => g.editionId === e.id).map((g) => g.grade) }));
}

/** Newest year first, as listEditionsWithCampaign orders them. */
export const publishedEditions = (db: Kysely<Database>): Promise<PublishedEdition[]> => cache.get('published', () => load(db));

export const forgetPublishedEditions = (): void => cache.forget();
