import { sql } from 'kysely';
import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { KitAllowanceKind, Level } from '../db/schema';
import type { DbTime } from '../db/time';

/**
 * Kit items and their stock. Stock model (also in the migration):
 * onHand counts every unit that entered this edition's stock, including those
 * handed out since; available = onHand - reserved - handedOut. Every change to
 * reserved, handedOut or onHand is one conditional UPDATE whose WHERE clause
 * keeps that invariant, checked by the affected rows: the database decides.
 */
export interface KitItemFields {
	nameNl: string;
	nameEn: string;
	nameKey: string;
	unitNl: string;
	unitEn: string;
	level: Level | null;
	allowanceKind: KitAllowanceKind;
	marginPerMille: number | null;
	fixedQuantity: number | null;
	lowStockThreshold: number | null;
	sortOrder: number;
}

export async function insertItem(db: Db, editionId: number, fields: KitItemFields, now: DbTime): Promise<number> {
	const r = await db
		.insertInto('kitItems')
		.values({ ...fields, editionId, active: 1, onHand: 0, reserved: 0, handedOut: 0, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export const updateItem = (db: Db, id: number, fields: Partial<KitItemFields> & { active?: 1 | null }, now: DbTime) =>
	db
		.updateTable('kitItems')
		.set({ ...fields, updatedAt: now })
		.where('id', '=', id)
		.execute();

export const findItem = (db: Db, id: number) => db.selectFrom('kitItems').selectAll().where('id', '=', id).executeTakeFirst();

export const findItemForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('kitItems')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** The catalogue in its display order; retired items only when asked. */
export const listItems = (db: Db, editionId: number, opts: { includeRetired?: boolean } = {}) =>
	db
		.selectFrom('kitItems')
		.selectAll()
		.where('editionId', '=', editionId)
		.$if(!opts.includeRetired, (q) => q.where('active', '=', 1))
		.orderBy('sortOrder')
		.orderBy('id')
		.execute();

export const findActiveItemByName = (db: Db, editionId: number, nameKey: string) =>
	db.selectFrom('kitItems').selectAll().where('editionId', '=', editionId).where('nameKey', '=', nameKey).where('active', '=', 1).executeTakeFirst();

const changed = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

/** reserved += q only while q units are available. */
export async function reserve(db: Db, id: number, q: number, now: DbTime): Promise<boolean> {
	const r = await db
		.updateTable('kitItems')
		.set({ reserved: sql`reserved + ${q}`, updatedAt: now })
		.where('id', '=', id)
		.where(sql<boolean>`on_hand - reserved - handed_out >= ${q}`)
		.executeTakeFirst();
	return changed(r);
}

/** reserved -= q (a cancelled approval); never below zero. */
export async function release(db: Db, id: number, q: number, now: DbTime): Promise<boolean> {
	const r = await db
		.updateTable('kitItems')
		.set({ reserved: sql`reserved - ${q}`, updatedAt: now })
		.where('id', '=', id)
		.where('reserved', '>=', q)
		.executeTakeFirst();
	return changed(r);
}

/** Reserved units leave the building: reserved -= q, handedOut += q. */
export async function handOut(db: Db, id: number, q: number, now: DbTime): Promise<boolean> {
	const r = await db
		.updateTable('kitItems')
		.set({ reserved: sql`reserved - ${q}`, handedOut: sql`handed_out + ${q}`, updatedAt: now })
		.where('id', '=', id)
		.where('reserved', '>=', q)
		.executeTakeFirst();
	return changed(r);
}

/** onHand += q (q may be negative when stock is carried away) while it stays >= reserved + handedOut. */
export async function addOnHand(db: Db, id: number, q: number, now: DbTime): Promise<boolean> {
	const r = await db
		.updateTable('kitItems')
		.set({ onHand: sql`on_hand + ${q}`, updatedAt: now })
		.where('id', '=', id)
		.where(sql<boolean>`on_hand + ${q} >= reserved + handed_out`)
		.executeTakeFirst();
	return changed(r);
}

/** onHand = value (a stock count) while value >= reserved + handedOut. */
export async function setOnHand(db: Db, id: number, value: number, now: DbTime): Promise<boolean> {
	const r = await db
		.updateTable('kitItems')
		.set({ onHand: value, updatedAt: now })
		.where('id', '=', id)
		.where(sql<boolean>`reserved + handed_out <= ${value}`)
		.executeTakeFirst();
	return changed(r);
}

/**
 * Items whose available stock is at or below zero or below their threshold: the
 * item's own lowStockThreshold, or else 10% of onHand. Filtered in SQL.
 */
/**
 * An item of kit_items runs low: nothing available, or below its own threshold, or (without one) below 10% of onHand.
 * Integer arithmetic only ("/" is decimal on MySQL): available < 10% of onHand  <=>  available * 10 < onHand.
 */
export const lowStockCondition = sql<boolean>`(on_hand - reserved - handed_out <= 0 or (case when low_stock_threshold is null then (on_hand - reserved - handed_out) * 10 < on_hand else on_hand - reserved - handed_out < low_stock_threshold end))`;

export const listLowStock = (db: Db, editionId: number) =>
	db
		.selectFrom('kitItems')
		.selectAll()
		.select(sql<number>`on_hand - reserved - handed_out`.as('available'))
		.where('editionId', '=', editionId)
		.where('active', '=', 1)
		.where(lowStockCondition)
		.orderBy('sortOrder')
		.orderBy('id')
		.execute();

/** Enrolled pupils of a campus in an edition, per level (enrolled classes only). */
export async function enrolledPupilsByLevel(db: Db, editionId: number, campusId: number): Promise<Map<Level, number>> {
	const rows = await db
		.selectFrom('classes')
		.select(['level', (eb) => eb.fn.sum<number>('pupilCount').as('pupils')])
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('status', '=', 'enrolled')
		.groupBy('level')
		.execute();
	return new Map(rows.map((r) => [r.level, Number(r.pupils)]));
}
