import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { assertTeacherOfCampus } from '../auth/campus-access';
import { findEditionById } from '../campaigns/edition.repository';
import { findCampusById } from '../campuses/campus.repository';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { Database, KitDelivery } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { limits } from '../../limits';
import { campusAllowances, type ItemAllowance } from './allowance';
import { quantityMax } from './kit-input';
import * as orders from './kit-order.repository';

export interface OrderInput {
	editionId: number;
	campusId: number;
	/** The open order being edited; without it a new order is made (refused while one is open). */
	orderId?: number;
	delivery: KitDelivery;
	remarks: string | null;
	lines: { itemId: number; quantity: number }[];
	/** false keeps it as a draft the coordinator does not approve yet; default true. */
	submit?: boolean;
}

/** The edition a coordinator orders in (undefined when there is none): the order page's header. */
export const orderEdition = (db: Db, editionId: number) => findEditionById(db, editionId);

/** The campus a coordinator orders for, with its school's name (undefined when there is none). */
export const orderCampus = (db: Db, campusId: number) => findCampusById(db, campusId);

const itemName = (a: { nameNl: string; nameEn: string }, locale: string) => (locale === 'en' ? a.nameEn : a.nameNl);

/**
 * The order form's starting point: the open order's quantities when there is one,
 * otherwise what is left of each item's campus maximum (prefilled from the
 * enrolled pupils). A campus with approved orders gets a supplementary order.
 */
export async function prefillOrder(db: Kysely<Database>, actor: Actor, campusId: number, editionId: number) {
	await assertTeacherOfCampus(db, actor, campusId);
	if (!(await findEditionById(db, editionId))) throw new NotFoundError();
	const open = await orders.findOpenOrder(db, editionId, campusId);
	const allowances = await campusAllowances(db, editionId, campusId);
	const current = open ? new Map((await orders.listLines(db, open.id)).map((l) => [l.itemId, l.quantity])) : null;
	const committed = open ? null : await orders.findLatestCommittedOrder(db, editionId, campusId);
	return {
		orderId: open?.id ?? null,
		status: open?.status ?? null,
		supplementaryOf: open ? open.supplementaryOf : (committed?.id ?? null),
		delivery: open?.delivery ?? ('delivery' as KitDelivery),
		remarks: open?.remarks ?? null,
		lines: allowances.map((a) => ({ ...a, quantity: current ? (current.get(a.itemId) ?? 0) : a.remaining }))
	};
}

/** Lines with a quantity above zero, or a field error for a negative, fractional or repeated one. */
function checkLines(lines: OrderInput['lines']) {
	const seen = new Set<number>();
	for (const l of lines) {
		const field = `quantity_${l.itemId}`;
		if (!Number.isInteger(l.itemId) || seen.has(l.itemId)) throw new ValidationError('kit_error_item_unknown', field);
		seen.add(l.itemId);
		if (!Number.isInteger(l.quantity) || l.quantity > quantityMax) throw new ValidationError('kit_error_quantity_invalid', field);
		if (l.quantity < 0) throw new ValidationError('kit_error_quantity_negative', field);
	}
	const kept = lines.filter((l) => l.quantity > 0);
	if (!kept.length) throw new ValidationError('kit_error_order_empty');
	return kept;
}

function checkAgainstMaximum(lines: OrderInput['lines'], allowances: ItemAllowance[], locale: string): void {
	const byItem = new Map(allowances.map((a) => [a.itemId, a]));
	for (const l of lines) {
		const a = byItem.get(l.itemId);
		if (!a) throw new ValidationError('kit_error_item_unknown', `quantity_${l.itemId}`);
		if (l.quantity > a.remaining)
			throw new ValidationError('kit_error_above_maximum', `quantity_${l.itemId}`, { item: itemName(a, locale), maximum: a.remaining });
	}
}

function checkRemarks(remarks: string | null): string | null {
	const r = remarks?.normalize('NFC').trim() ?? '';
	if (r.length > limits.remark) throw new ValidationError('kit_error_too_long', 'remarks', { max: limits.remark });
	return r || null;
}

/** The open order to edit (when orderId is given), locked; refuses other campuses' and closed orders. */
async function openOrderToEdit(trx: Transaction<Database>, input: OrderInput) {
	const open = await orders.findOpenOrderForUpdate(trx, input.editionId, input.campusId);
	if (input.orderId === undefined) {
		if (open) throw new ConflictError('kit_error_open_order_exists');
		return null;
	}
	if (open?.id === input.orderId) return open;
	const other = await orders.findOrder(trx, input.orderId);
	if (!other || other.campusId !== input.campusId || other.editionId !== input.editionId) throw new NotFoundError();
	throw new ConflictError('kit_error_order_not_editable');
}

/**
 * Saves a campus's order: the teacher of that campus or a coordinator on their
 * behalf. Quantities are whole numbers >= 0, zero lines are dropped, each at most
 * what is left of the campus maximum. Editable until approved. The campus row is
 * locked first, and the unique key (edition, campus, open) is the last word: one
 * open order per campus per edition, also under a double submit.
 */
export async function saveOrder(db: Kysely<Database>, actor: Actor, input: OrderInput, locale = 'nl'): Promise<number> {
	if (input.delivery !== 'delivery' && input.delivery !== 'pickup') throw new ValidationError('kit_error_delivery_unknown', 'delivery');
	const remarks = checkRemarks(input.remarks);
	const lines = checkLines(input.lines);
	try {
		return await withTransaction(db, async (trx) => {
			await assertTeacherOfCampus(trx, actor, input.campusId);
			const edition = await findEditionById(trx, input.editionId);
			if (!edition) throw new NotFoundError();
			if (edition.status !== 'published') throw new ValidationError('error_edition_not_published');
			if (!(await orders.lockCampus(trx, input.campusId))) throw new NotFoundError();
			const open = await openOrderToEdit(trx, input);
			checkAgainstMaximum(lines, await campusAllowances(trx, input.editionId, input.campusId), locale);
			const now = nowDb();
			const status = input.submit === false ? 'draft' : 'submitted';
			let orderId: number;
			if (open) {
				orderId = open.id;
				await orders.updateOrder(trx, orderId, { status, delivery: input.delivery, remarks, updatedBy: actor.id, updatedAt: now });
			} else {
				const committed = await orders.findLatestCommittedOrder(trx, input.editionId, input.campusId);
				orderId = await orders.insertOrder(trx, {
					editionId: input.editionId,
					campusId: input.campusId,
					status,
					delivery: input.delivery,
					remarks,
					supplementaryOf: committed?.id ?? null,
					actorId: actor.id,
					now
				});
			}
			await orders.replaceLines(trx, orderId, lines);
			// Remarks stay out of the audit log: free text, possibly personal.
			await audit(trx, {
				actorId: actor.id,
				action: open ? 'kit_order.updated' : 'kit_order.created',
				entityType: 'kit_order',
				entityId: orderId,
				after: { campusId: input.campusId, status, delivery: input.delivery, lines }
			});
			return orderId;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new ConflictError('kit_error_open_order_exists');
		throw err;
	}
}
