import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { findEditionById } from '../campaigns/edition.repository';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { checkItemInput, checkStockQuantity, type KitItemInput } from './kit-input';
import * as items from './kit-item.repository';

/** The unique key (edition, name, active) decides, also between two coordinators saving at once. */
async function mapNameClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('kit_error_name_taken', 'nameNl');
		throw err;
	}
}

const stockOf = (i: { onHand: number; reserved: number; handedOut: number }) => ({ onHand: i.onHand, reserved: i.reserved, handedOut: i.handedOut });

export const availableOf = (i: { onHand: number; reserved: number; handedOut: number }) => i.onHand - i.reserved - i.handedOut;

export async function createItem(db: Kysely<Database>, actor: Actor, editionId: number, input: KitItemInput): Promise<number> {
	requireCoordinator(actor);
	const fields = checkItemInput(input);
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			if (!(await findEditionById(trx, editionId))) throw new NotFoundError();
			const id = await items.insertItem(trx, editionId, { ...fields, nameKey: textKey(fields.nameNl) }, nowDb());
			await audit(trx, { actorId: actor.id, action: 'kit_item.created', entityType: 'kit_item', entityId: id, after: { editionId, ...fields } });
			return id;
		})
	);
}

/** Edits an item's description and allowance; its stock changes only through the stock functions below. */
export async function updateItem(db: Kysely<Database>, actor: Actor, itemId: number, input: KitItemInput): Promise<void> {
	requireCoordinator(actor);
	const fields = checkItemInput(input);
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const item = await items.findItemForUpdate(trx, itemId);
			if (!item) throw new NotFoundError();
			await items.updateItem(trx, itemId, { ...fields, nameKey: textKey(fields.nameNl) }, nowDb());
			const before = Object.fromEntries(Object.keys(fields).map((k) => [k, item[k as keyof typeof fields]]));
			await audit(trx, { actorId: actor.id, action: 'kit_item.updated', entityType: 'kit_item', entityId: itemId, before, after: fields });
		})
	);
}

/** Retires an item (no new orders; its history and stock stay) or brings it back. */
export async function setItemActive(db: Kysely<Database>, actor: Actor, itemId: number, active: boolean): Promise<void> {
	requireCoordinator(actor);
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const item = await items.findItemForUpdate(trx, itemId);
			if (!item) throw new NotFoundError();
			if ((item.active === 1) === active) return;
			await items.updateItem(trx, itemId, { active: active ? 1 : null }, nowDb());
			await audit(trx, { actorId: actor.id, action: active ? 'kit_item.restored' : 'kit_item.retired', entityType: 'kit_item', entityId: itemId });
		})
	);
}

/** Stock that arrived: onHand += quantity (at least 1). */
export async function addStock(db: Kysely<Database>, actor: Actor, itemId: number, quantity: number): Promise<void> {
	requireCoordinator(actor);
	checkStockQuantity(quantity, 1);
	await withTransaction(db, async (trx) => {
		const item = await items.findItemForUpdate(trx, itemId);
		if (!item) throw new NotFoundError();
		if (!(await items.addOnHand(trx, itemId, quantity, nowDb()))) throw new ValidationError('kit_error_quantity_invalid', 'quantity');
		await audit(trx, {
			actorId: actor.id,
			action: 'kit_item.stock_added',
			entityType: 'kit_item',
			entityId: itemId,
			before: stockOf(item),
			after: { quantity }
		});
	});
}

/** A stock count: onHand = value, never below what is reserved or handed out (the database decides). */
export async function correctOnHand(db: Kysely<Database>, actor: Actor, itemId: number, value: number): Promise<void> {
	requireCoordinator(actor);
	checkStockQuantity(value, 0, 'onHand');
	await withTransaction(db, async (trx) => {
		const item = await items.findItemForUpdate(trx, itemId);
		if (!item) throw new NotFoundError();
		// The row is locked (MySQL) or the connection is ours (SQLite): item still holds the current numbers.
		if (!(await items.setOnHand(trx, itemId, value, nowDb())))
			throw new ValidationError('kit_error_on_hand_below_committed', 'onHand', { minimum: item.reserved + item.handedOut });
		await audit(trx, {
			actorId: actor.id,
			action: 'kit_item.stock_corrected',
			entityType: 'kit_item',
			entityId: itemId,
			before: stockOf(item),
			after: { onHand: value }
		});
	});
}

/** The catalogue with each item's available stock. */
export async function catalogue(db: Db, editionId: number, opts: { includeRetired?: boolean } = {}) {
	return (await items.listItems(db, editionId, opts)).map((i) => ({ ...i, available: availableOf(i) }));
}

/**
 * Items to flag on the dashboard: available at or below zero, or below the item's
 * own lowStockThreshold, or (without one) below 10% of onHand.
 */
export async function lowStockItems(db: Db, editionId: number) {
	return (await items.listLowStock(db, editionId)).map((i) => ({ ...i, available: Number(i.available) }));
}

/**
 * Copies the active catalogue of one edition into another, without stock, inside
 * the caller's transaction (the edition copy). Items whose name the target already
 * has are left alone, so copying twice adds nothing. Returns how many were added.
 */
export async function copyCatalogue(trx: Transaction<Database>, fromEditionId: number, toEditionId: number): Promise<number> {
	const now = nowDb();
	let added = 0;
	for (const i of await items.listItems(trx, fromEditionId)) {
		if (await items.findActiveItemByName(trx, toEditionId, i.nameKey)) continue;
		const { nameNl, nameEn, nameKey, unitNl, unitEn, level, allowanceKind, marginPerMille, fixedQuantity, lowStockThreshold, sortOrder } = i;
		await items.insertItem(
			trx,
			toEditionId,
			{ nameNl, nameEn, nameKey, unitNl, unitEn, level, allowanceKind, marginPerMille, fixedQuantity, lowStockThreshold, sortOrder },
			now
		);
		added++;
	}
	return added;
}
