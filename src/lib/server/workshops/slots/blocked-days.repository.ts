import type { Db } from '../../db/index';
import type { Row } from '../../db/rows';
import type { BlockedDayKind } from '../../db/schema';

export type BlockedDayRow = Row<'blockedDays'>;

export const listBlockedDays = (db: Db, editionId: number) =>
	db.selectFrom('blockedDays').select(['editionId', 'localDate', 'kind', 'label']).where('editionId', '=', editionId).orderBy('localDate').execute();

/** The blocked dates among `from`..`to` (both included). */
export async function listBlockedDatesBetween(db: Db, editionId: number, from: string, to: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('blockedDays')
		.select('localDate')
		.where('editionId', '=', editionId)
		.where('localDate', '>=', from)
		.where('localDate', '<=', to)
		.execute();
	return new Set(rows.map((r) => r.localDate));
}

export async function isBlocked(db: Db, editionId: number, localDate: string): Promise<boolean> {
	const row = await db.selectFrom('blockedDays').select('localDate').where('editionId', '=', editionId).where('localDate', '=', localDate).executeTakeFirst();
	return !!row;
}

export async function insertBlockedDays(db: Db, rows: BlockedDayRow[]): Promise<void> {
	if (rows.length) await db.insertInto('blockedDays').values(rows).execute();
}

export async function removeBlockedDay(db: Db, editionId: number, localDate: string): Promise<BlockedDayRow | undefined> {
	const row = await db.selectFrom('blockedDays').selectAll().where('editionId', '=', editionId).where('localDate', '=', localDate).executeTakeFirst();
	if (row) await db.deleteFrom('blockedDays').where('editionId', '=', editionId).where('localDate', '=', localDate).execute();
	return row;
}

/** Removes the days of one kind among `from`..`to` (both included); returns the dates that were removed. */
export async function removeBlockedRange(db: Db, editionId: number, from: string, to: string, kind: BlockedDayKind): Promise<string[]> {
	const inRange = db
		.selectFrom('blockedDays')
		.select('localDate')
		.where('editionId', '=', editionId)
		.where('kind', '=', kind)
		.where('localDate', '>=', from)
		.where('localDate', '<=', to);
	const rows = await inRange.orderBy('localDate').execute();
	if (rows.length)
		await db
			.deleteFrom('blockedDays')
			.where('editionId', '=', editionId)
			.where('kind', '=', kind)
			.where('localDate', '>=', from)
			.where('localDate', '<=', to)
			.execute();
	return rows.map((r) => r.localDate);
}

/** Removes every day of a kind; returns the dates that were removed. */
export async function removeBlockedKind(db: Db, editionId: number, kind: BlockedDayKind): Promise<string[]> {
	const rows = await db
		.selectFrom('blockedDays')
		.select('localDate')
		.where('editionId', '=', editionId)
		.where('kind', '=', kind)
		.orderBy('localDate')
		.execute();
	if (rows.length) await db.deleteFrom('blockedDays').where('editionId', '=', editionId).where('kind', '=', kind).execute();
	return rows.map((r) => r.localDate);
}

/** Scheduled (not cancelled) slots per blocked day of the edition, in one grouped query. */
export async function countScheduledSlotsOnBlockedDays(db: Db, editionId: number): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('blockedDays')
		.innerJoin('workshopSlots', (join) =>
			join.onRef('workshopSlots.editionId', '=', 'blockedDays.editionId').onRef('workshopSlots.localDate', '=', 'blockedDays.localDate')
		)
		.select(['blockedDays.localDate', (eb) => eb.fn.countAll<number>().as('n')])
		.where('blockedDays.editionId', '=', editionId)
		.where('workshopSlots.status', '=', 'scheduled')
		.groupBy('blockedDays.localDate')
		.execute();
	return new Map(rows.map((r) => [r.localDate, Number(r.n)]));
}

/** The blocked days among the given dates, by date. */
export async function listBlockedDaysOn(db: Db, editionId: number, dates: string[]): Promise<Map<string, Pick<BlockedDayRow, 'localDate' | 'kind' | 'label'>>> {
	if (!dates.length) return new Map();
	const rows = await db
		.selectFrom('blockedDays')
		.select(['localDate', 'kind', 'label'])
		.where('editionId', '=', editionId)
		.where('localDate', 'in', dates)
		.execute();
	return new Map(rows.map((r) => [r.localDate, r]));
}
