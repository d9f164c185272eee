import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';

/** Editions with their campaign's name: the base of every edition list. */
export const editionsWithCampaign = (db: Db) =>
	db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select([
			'editions.id',
			'editions.name',
			'editions.year',
			'editions.status',
			'editions.enrolmentOpensAt',
			'editions.enrolmentClosesAt',
			'editions.workshopStartsOn',
			'editions.workshopEndsOn',
			'campaigns.name as campaignName'
		]);

/** Editions as start pages show them; an edition without its own description shows its campaign's. */
export const listEditionsWithCampaign = (db: Db, statuses: ('draft' | 'published' | 'archived')[]) =>
	editionsWithCampaign(db)
		.select((eb) => [
			eb.fn.coalesce('editions.descriptionNl', 'campaigns.descriptionNl').as('descriptionNl'),
			eb.fn.coalesce('editions.descriptionEn', 'campaigns.descriptionEn').as('descriptionEn')
		])
		.where('editions.status', 'in', statuses)
		.orderBy('editions.year', 'desc')
		.execute();

/**
 * The edition row, locked on MySQL for the rest of the transaction: every change
 * to an edition's places takes this lock first (fixed order: edition, then class),
 * so counting and deciding happen one transaction at a time.
 */
export const findEditionForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('editions')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export const findEditionById = (db: Db, id: number) => db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst();

export async function listEditionGrades(db: Db, editionId: number): Promise<string[]> {
	const rows = await db.selectFrom('editionGrades').select('grade').where('editionId', '=', editionId).execute();
	return rows.map((r) => r.grade);
}

/** The grades of several editions in one query (an edition without rows is meant for every grade). */
export const listGradesOfEditions = (db: Db, editionIds: number[]) =>
	editionIds.length ? db.selectFrom('editionGrades').select(['editionId', 'grade']).where('editionId', 'in', editionIds).execute() : Promise.resolve([]);

/** Every edition's id, oldest first. */
export const listEditionIds = async (db: Db): Promise<number[]> => (await db.selectFrom('editions').select('id').orderBy('id').execute()).map((e) => e.id);

/** The quotas of some editions. */
export const listEditionQuotas = (db: Db, editionIds: number[]) =>
	db.selectFrom('editions').select(['id', 'maxClasses', 'maxClassesPerCampus']).where('id', 'in', editionIds).execute();

/** The published editions with their workshop period. */
export const listPublishedEditionPeriods = (db: Db) =>
	db.selectFrom('editions').select(['id', 'name', 'workshopStartsOn', 'workshopEndsOn']).where('status', '=', 'published').execute();
