import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit';
import { isCoordinator, requireCoordinator, type Actor } from '../auth/actor';
import type { Database, KitOrderStatus } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../errors';
import { limits } from '../../limits';
import * as items from './kit-item.repository';
import * as orders from './kit-order.repository';
import { mailKitOrderStep } from './kit-order-mail';
import { assertTeacherOfCampus } from '../auth/campus-access';

/**
 * An order's life: draft/submitted → approved → packed → handed_over, or
 * cancelled before it is handed over. Stock follows it (see kit-item.repository):
 * approval reserves, hand-over turns reserved into handed out, cancellation of an
 * approved or packed order releases. Each step locks the order row, then the item
 * rows in id order, in one transaction; every change to stock is a conditional
 * UPDATE decided by the database.
 */
type Order = NonNullable<Awaited<ReturnType<typeof orders.findOrder>>>;

/** A stock change the database refused although the order holds the reservation: never expected. */
class StockInvariantError extends Error {}

async function lockOrder(trx: Transaction<Database>, orderId: number, allowed: KitOrderStatus[], refusal: string): Promise<Order> {
	const order = await orders.findOrderForUpdate(trx, orderId);
	if (!order) throw new NotFoundError();
	if (!allowed.includes(order.status)) throw new ConflictError(refusal);
	return order;
}

const logStep = (trx: Transaction<Database>, actor: Actor, order: Order, action: string, to: KitOrderStatus, extra: object = {}) =>
	audit(trx, { actorId: actor.id, action, entityType: 'kit_order', entityId: order.id, before: { status: order.status }, after: { status: to, ...extra } });

/**
 * Reserves stock for every line, or nothing: a line the database cannot reserve
 * (available = onHand - reserved - handedOut below its quantity) fails the whole
 * approval with an error naming the item, and the transaction rolls back the
 * lines reserved before it. Two approvals for the last units: exactly one wins.
 */
export async function approveOrder(db: Kysely<Database>, actor: Actor, orderId: number, locale = 'nl'): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const order = await lockOrder(trx, orderId, ['submitted'], 'kit_error_approve_not_submitted');
		const lines = await orders.listLines(trx, orderId);
		const now = nowDb();
		for (const line of lines) {
			if (await items.reserve(trx, line.itemId, line.quantity, now)) continue;
			// A locking read: on MariaDB a plain one would show this transaction's older snapshot.
			const item = (await items.findItemForUpdate(trx, line.itemId))!;
			const available = item.onHand - item.reserved - item.handedOut;
			throw new DomainError('kit_error_out_of_stock', 409, undefined, {
				item: locale === 'en' ? line.nameEn : line.nameNl,
				available,
				quantity: line.quantity
			});
		}
		await orders.updateOrder(trx, orderId, { status: 'approved', open: null, approvedBy: actor.id, approvedAt: now, updatedBy: actor.id, updatedAt: now });
		await logStep(trx, actor, order, 'kit_order.approved', 'approved', { lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })) });
		await mailKitOrderStep(trx, orderId, 'approved');
	});
}

export async function markPacked(db: Kysely<Database>, actor: Actor, orderId: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const order = await lockOrder(trx, orderId, ['approved'], 'kit_error_pack_not_approved');
		const now = nowDb();
		await orders.updateOrder(trx, orderId, { status: 'packed', packedAt: now, updatedBy: actor.id, updatedAt: now });
		await logStep(trx, actor, order, 'kit_order.packed', 'packed');
		await mailKitOrderStep(trx, orderId, 'ready');
	});
}

/** A real calendar date "YYYY-MM-DD". */
function checkDate(value: string): string {
	const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
	if (!ok) throw new ValidationError('kit_error_date_invalid', 'handedOverOn');
	return value;
}

function checkReceivedBy(value: string): string {
	const v = value.normalize('NFC').trim();
	if (!v) throw new ValidationError('kit_error_required', 'receivedBy');
	if (v.length > limits.kitReceivedBy) throw new ValidationError('kit_error_too_long', 'receivedBy', { max: limits.kitReceivedBy });
	return v;
}

/** The packed order leaves the building: its reserved units become handed out. */
export async function handOver(db: Kysely<Database>, actor: Actor, orderId: number, input: { handedOverOn: string; receivedBy: string }): Promise<void> {
	requireCoordinator(actor);
	const handedOverOn = checkDate(input.handedOverOn);
	const receivedBy = checkReceivedBy(input.receivedBy);
	await withTransaction(db, async (trx) => {
		const order = await lockOrder(trx, orderId, ['packed'], 'kit_error_hand_over_not_packed');
		const now = nowDb();
		for (const line of await orders.listLines(trx, orderId)) {
			if (!(await items.handOut(trx, line.itemId, line.quantity, now)))
				throw new StockInvariantError(`kit item ${line.itemId} lacks the reservation of order ${orderId}`);
		}
		await orders.updateOrder(trx, orderId, { status: 'handed_over', handedOverOn, receivedBy, updatedBy: actor.id, updatedAt: now });
		// The receiver's name stays out of the audit log; the order row keeps it.
		await logStep(trx, actor, order, 'kit_order.handed_over', 'handed_over', { handedOverOn });
		await mailKitOrderStep(trx, orderId, 'handed_over');
	});
}

/**
 * Cancels an order before hand-over: a coordinator any such order, a teacher only
 * their campus's open one. Stock reserved by an approval is released.
 */
export async function cancelOrder(db: Kysely<Database>, actor: Actor, orderId: number): Promise<void> {
	await withTransaction(db, async (trx) => {
		const order = await lockOrder(trx, orderId, ['draft', 'submitted', 'approved', 'packed'], 'kit_error_cancel_closed');
		if (!isCoordinator(actor)) {
			await assertTeacherOfCampus(trx, actor, order.campusId);
			if (order.open !== 1) throw new ConflictError('kit_error_order_not_editable');
		}
		const now = nowDb();
		if (order.status === 'approved' || order.status === 'packed') {
			for (const line of await orders.listLines(trx, orderId)) {
				if (!(await items.release(trx, line.itemId, line.quantity, now)))
					throw new StockInvariantError(`kit item ${line.itemId} lacks the reservation of order ${orderId}`);
			}
		}
		await orders.updateOrder(trx, orderId, { status: 'cancelled', open: null, cancelledAt: now, updatedBy: actor.id, updatedAt: now });
		await logStep(trx, actor, order, 'kit_order.cancelled', 'cancelled');
	});
}
