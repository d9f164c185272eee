import type { Db } from '../db';
import type { Row } from '../db/rows';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';
import { forgetPublishedEditions } from './published-editions';

export type CampaignRow = Pick<Row<'campaigns'>, 'name' | 'nameKey' | 'descriptionNl' | 'descriptionEn' | 'website' | 'colour'>;

const columns = ['id', 'name', 'descriptionNl', 'descriptionEn', 'website', 'colour', 'pupilBeforeAfter'] as const;

export const findCampaign = (db: Db, id: number) => db.selectFrom('campaigns').select(columns).where('id', '=', id).executeTakeFirst();

export const findCampaignForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('campaigns')
		.select(columns)
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** A campaign with this normalised name, other than `exceptId`. */
export const findCampaignByNameKey = (db: Db, nameKey: string, exceptId?: number) =>
	db
		.selectFrom('campaigns')
		.select('id')
		.where('nameKey', '=', nameKey)
		.$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
		.executeTakeFirst();

export async function insertCampaign(db: Db, row: CampaignRow, now: DbTime): Promise<number> {
	const result = await db
		.insertInto('campaigns')
		.values({ ...row, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

/** Published editions are cached with their campaign's name and description: forgotten here. */
export const updateCampaign = (db: Db, id: number, row: CampaignRow, now: DbTime) => {
	forgetPublishedEditions();
	return db
		.updateTable('campaigns')
		.set({ ...row, updatedAt: now })
		.where('id', '=', id)
		.execute();
};

/** Every campaign with its number of editions (one query; a city has a handful). */
export const listCampaignsWithEditionCount = (db: Db) =>
	db
		.selectFrom('campaigns')
		.leftJoin('editions', 'editions.campaignId', 'campaigns.id')
		.select(['campaigns.id', 'campaigns.name', 'campaigns.website', 'campaigns.colour', (eb) => eb.fn.count<number>('editions.id').as('editions')])
		.groupBy(['campaigns.id', 'campaigns.name', 'campaigns.website', 'campaigns.colour', 'campaigns.nameKey'])
		.orderBy('campaigns.nameKey')
		.orderBy('campaigns.id')
		.execute();

export const listEditionsOfCampaign = (db: Db, campaignId: number) =>
	db
		.selectFrom('editions')
		.select(['id', 'year', 'name', 'status'])
		.where('campaignId', '=', campaignId)
		.orderBy('year', 'desc')
		.orderBy('id', 'desc')
		.execute();

export const countCampaignRows = async (db: Db) =>
	Number(
		(
			await db
				.selectFrom('campaigns')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
