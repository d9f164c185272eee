import { editionsWithCampaign } from './edition.repository';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { ClassStatus, EditionStatus } from '../db/schema';
import type { DbTime } from '../db/time';
import { forgetPublishedEditions } from './published-editions';

/** The columns a coordinator sets on an edition (status and quotas have their own paths). */
export type EditionSettings = Pick<
	Row<'editions'>,
	| 'campaignId'
	| 'year'
	| 'name'
	| 'descriptionNl'
	| 'descriptionEn'
	| 'enrolmentOpensAt'
	| 'enrolmentClosesAt'
	| 'workshopStartsOn'
	| 'workshopEndsOn'
	| 'travelBufferMinutes'
	| 'maxWorkshopsPerTrainerDay'
	| 'cancellationDeadlineDays'
	| 'reminderDaysBefore'
	| 'schoolHours'
>;

export const listCampaigns = (db: Db) => db.selectFrom('campaigns').select(['id', 'name']).orderBy('nameKey').orderBy('id').execute();

/** The campaign the coordinator last made an edition of: the likeliest one for the next. */
export const latestEditionCampaignId = async (db: Db): Promise<number | null> =>
	(await db.selectFrom('editions').select('campaignId').orderBy('id', 'desc').limit(1).executeTakeFirst())?.campaignId ?? null;

export const findCampaignById = (db: Db, id: number) => db.selectFrom('campaigns').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const findEditionByCampaignYear = (db: Db, campaignId: number, year: number) =>
	db.selectFrom('editions').select('id').where('campaignId', '=', campaignId).where('year', '=', year).executeTakeFirst();

export async function insertEdition(
	db: Db,
	row: EditionSettings & {
		status: EditionStatus;
		maxClasses: number | null;
		maxClassesPerCampus: number | null;
		copiedFromEditionId: number | null;
		now: DbTime;
	}
): Promise<number> {
	const { now, ...values } = row;
	forgetPublishedEditions();
	const result = await db
		.insertInto('editions')
		.values({ ...values, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

/** Quotas are not among the cached published editions' columns, so nothing is forgotten here. */
export const updateEditionQuotas = (db: Db, id: number, quotas: Pick<Row<'editions'>, 'maxClasses' | 'maxClassesPerCampus'>, now: DbTime) =>
	db
		.updateTable('editions')
		.set({ ...quotas, updatedAt: now })
		.where('id', '=', id)
		.execute();

// Each write below also forgets the cached published editions (published-editions.ts).
export const updateEditionSettings = (db: Db, id: number, settings: EditionSettings, now: DbTime) => {
	forgetPublishedEditions();
	return db
		.updateTable('editions')
		.set({ ...settings, updatedAt: now })
		.where('id', '=', id)
		.execute();
};

export const updateEditionStatus = (db: Db, id: number, status: EditionStatus, now: DbTime) => {
	forgetPublishedEditions();
	// Archiving is final: its time starts the period after which raw pupil answers go (issue 19.5).
	return db
		.updateTable('editions')
		.set({ status, updatedAt: now, ...(status === 'archived' ? { archivedAt: now } : {}) })
		.where('id', '=', id)
		.execute();
};

export async function replaceEditionGrades(db: Db, editionId: number, grades: string[]): Promise<void> {
	forgetPublishedEditions();
	await db.deleteFrom('editionGrades').where('editionId', '=', editionId).execute();
	if (grades.length)
		await db
			.insertInto('editionGrades')
			.values(grades.map((grade) => ({ editionId, grade })))
			.execute();
}

/** Whether any class was ever enrolled for the edition, withdrawn ones included. */
export async function editionHasClasses(db: Db, editionId: number): Promise<boolean> {
	return !!(await db.selectFrom('classes').select('id').where('editionId', '=', editionId).limit(1).executeTakeFirst());
}

export const countEditions = async (db: Db) =>
	Number(
		(
			await db
				.selectFrom('editions')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

/** One page of editions, newest year first, with their campaign's name. */
export const listEditionPage = (db: Db, page: { limit: number; offset: number }) =>
	editionsWithCampaign(db)
		.orderBy('editions.year', 'desc')
		.orderBy('campaigns.nameKey')
		.orderBy('editions.id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();

export type ClassCounts = Record<ClassStatus, number>;

/** Classes per status for the given editions, in one grouped query (served by classes_edition_status_idx). */
export async function countClassesByEdition(db: Db, editionIds: number[]): Promise<Map<number, ClassCounts>> {
	const counts = new Map<number, ClassCounts>(editionIds.map((id) => [id, { enrolled: 0, waiting: 0, withdrawn: 0 }]));
	if (!editionIds.length) return counts;
	const rows = await db
		.selectFrom('classes')
		.select(['editionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('editionId', 'in', editionIds)
		.groupBy(['editionId', 'status'])
		.execute();
	for (const r of rows) counts.get(r.editionId)![r.status] = Number(r.n);
	return counts;
}
