import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { findEditionById } from '../campaigns/edition.repository';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { availableOf } from './catalogue.service';
import * as items from './kit-item.repository';

export interface CarryOverResult {
	moved: { fromItemId: number; toItemId: number; nameNl: string; nameEn: string; quantity: number }[];
	/** Items with stock left that the target edition has no active item for (by name). */
	skipped: { itemId: number; nameNl: string; nameEn: string; available: number }[];
}

/**
 * Moves what is left (available = onHand - reserved - handedOut) of each item of
 * one edition to the item with the same name in another: the source's onHand goes
 * down and the target's up by that amount, so stock is neither lost nor counted
 * twice. Units still reserved for open approvals stay with the old edition.
 * Source rows are locked in id order, then each target; one transaction.
 */
export async function carryOverStock(db: Kysely<Database>, actor: Actor, fromEditionId: number, toEditionId: number): Promise<CarryOverResult> {
	requireCoordinator(actor);
	if (fromEditionId === toEditionId) throw new ValidationError('kit_error_carry_same_edition', 'toEditionId');
	return withTransaction(db, async (trx) => {
		if (!(await findEditionById(trx, fromEditionId)) || !(await findEditionById(trx, toEditionId))) throw new NotFoundError();
		const result: CarryOverResult = { moved: [], skipped: [] };
		const now = nowDb();
		const sources = (await items.listItems(trx, fromEditionId)).sort((a, b) => a.id - b.id);
		for (const peek of sources) {
			const source = (await items.findItemForUpdate(trx, peek.id))!;
			const quantity = availableOf(source);
			if (quantity <= 0) continue;
			const target = await items.findActiveItemByName(trx, toEditionId, source.nameKey);
			if (!target) {
				result.skipped.push({ itemId: source.id, nameNl: source.nameNl, nameEn: source.nameEn, available: quantity });
				continue;
			}
			// Both conditional: a concurrent change makes the whole carry-over fail and roll back, never half-done.
			if (!(await items.addOnHand(trx, source.id, -quantity, now)) || !(await items.addOnHand(trx, target.id, quantity, now))) {
				throw new ValidationError('kit_error_stock_changed');
			}
			result.moved.push({ fromItemId: source.id, toItemId: target.id, nameNl: source.nameNl, nameEn: source.nameEn, quantity });
		}
		await audit(trx, {
			actorId: actor.id,
			action: 'kit_stock.carried_over',
			entityType: 'edition',
			entityId: toEditionId,
			before: { editionId: fromEditionId },
			after: result
		});
		return result;
	});
}
