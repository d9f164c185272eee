import { expect, it } from 'vitest';
import { withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { campusAllowances, campusMaximum } from '../../src/lib/server/kits/allowance';
import {
	addStock,
	catalogue,
	copyCatalogue,
	correctOnHand,
	createItem,
	lowStockItems,
	setItemActive,
	updateItem
} from '../../src/lib/server/kits/catalogue.service';
import { approveOrder, handOver, markPacked } from '../../src/lib/server/kits/kit-order-flow.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { carryOverStock } from '../../src/lib/server/kits/stock-carry-over.service';
import { withTransaction } from '../../src/lib/server/db/transaction';
import { describeEachDatabase } from './support/databases';
import { coordinatorActor, createEdition } from './support/enrolment-fixtures';
import { useDatabase } from './support/context';
import { auditActions, campusWithPupils, itemWithStock, posters, samBooklets, stock, wristbands } from './support/kit-fixtures';

describeEachDatabase('kit catalogue and stock', (dialect) => {
	const ctx = useDatabase(dialect);

	it('gives a campus enrolled pupils × margin rounded up, a fixed number, and counts only enrolled classes of the item level', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const ids = [
			await createItem(ctx.db, coordinator, editionId, wristbands),
			await createItem(ctx.db, coordinator, editionId, posters),
			await createItem(ctx.db, coordinator, editionId, samBooklets)
		];
		// 22 + 19 lager pupils, 20 secundair; the 4th class is withdrawn and does not count.
		const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [22, 19, 'S1:20', 30]);
		await withdrawClass(ctx.db, campus.actor, campus.classIds[3]);
		const max = new Map((await campusAllowances(ctx.db, editionId, campus.campusId)).map((a) => [a.itemId, a.maximum]));
		expect(max.get(ids[0])).toBe(68); // 61 × 1.1 = 67.1 → 68
		expect(max.get(ids[1])).toBe(5);
		expect(max.get(ids[2])).toBe(41); // lager pupils only
		const empty = await campusWithPupils(ctx.db, editionId, 'bo@school.be', []);
		expect((await campusAllowances(ctx.db, editionId, empty.campusId)).map((a) => a.maximum)).toEqual([0, 0, 0]);
	});

	it('rounds exactly in integers (no floating-point surprises)', () => {
		const rule = { level: null, allowanceKind: 'per_pupil' as const, marginPerMille: 1100, fixedQuantity: null };
		expect(campusMaximum(rule, new Map([['lager', 10]]))).toBe(11); // 10 × 1.1 in floats is 11.000000000000002
		expect(campusMaximum(rule, new Map([['lager', 1]]))).toBe(2);
		expect(campusMaximum({ ...rule, marginPerMille: 1000 }, new Map([['lager', 25]]))).toBe(25);
	});

	it('keeps item names unique per edition (case and spaces ignored), checks input and lets only coordinators edit', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const id = await createItem(ctx.db, coordinator, editionId, wristbands);
		await expect(createItem(ctx.db, coordinator, editionId, { ...wristbands, nameNl: ' paarse  POLSBANDJES ' })).rejects.toMatchObject({
			messageKey: 'kit_error_name_taken',
			field: 'nameNl'
		});
		await expect(createItem(ctx.db, coordinator, editionId, { ...wristbands, nameNl: 'X', marginPerMille: 0 })).rejects.toMatchObject({
			messageKey: 'kit_error_margin_invalid'
		});
		await expect(createItem(ctx.db, coordinator, editionId, { ...posters, nameNl: 'Y', fixedQuantity: -1 })).rejects.toMatchObject({
			messageKey: 'kit_error_fixed_invalid'
		});
		await expect(createItem(ctx.db, coordinator, editionId, { ...posters, nameNl: 'x'.repeat(101) })).rejects.toMatchObject({
			messageKey: 'kit_error_too_long',
			field: 'nameNl'
		});
		const teacher = await campusWithPupils(ctx.db, editionId, 'an@school.be', []);
		await expect(createItem(ctx.db, teacher.actor, editionId, posters)).rejects.toMatchObject({ status: 403 });
		await updateItem(ctx.db, coordinator, id, { ...wristbands, marginPerMille: 1200 });
		await setItemActive(ctx.db, coordinator, id, false);
		expect(await catalogue(ctx.db, editionId)).toEqual([]);
		// A retired item frees its name.
		await createItem(ctx.db, coordinator, editionId, wristbands);
		expect(await auditActions(ctx.db, 'kit_item.')).toEqual(['kit_item.created', 'kit_item.updated', 'kit_item.retired', 'kit_item.created']);
	});

	it('adds stock and corrects on hand, never below what is reserved plus handed out', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const itemId = await itemWithStock(ctx.db, coordinator, editionId, posters, 10);
		await expect(addStock(ctx.db, coordinator, itemId, 0)).rejects.toMatchObject({ messageKey: 'kit_error_quantity_invalid' });
		await expect(addStock(ctx.db, coordinator, itemId, -5)).rejects.toMatchObject({ messageKey: 'kit_error_quantity_invalid' });
		const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [20]);
		const orderId = await saveOrder(ctx.db, campus.actor, {
			editionId,
			campusId: campus.campusId,
			delivery: 'pickup',
			remarks: null,
			lines: [{ itemId, quantity: 4 }]
		});
		await approveOrder(ctx.db, coordinator, orderId);
		await markPacked(ctx.db, coordinator, orderId);
		await handOver(ctx.db, coordinator, orderId, { handedOverOn: '2027-04-02', receivedBy: 'Mevr. Claes' });
		await expect(correctOnHand(ctx.db, coordinator, itemId, 3)).rejects.toMatchObject({
			messageKey: 'kit_error_on_hand_below_committed',
			params: { minimum: 4 }
		});
		await correctOnHand(ctx.db, coordinator, itemId, 4);
		expect(await stock(ctx.db, itemId)).toEqual({ onHand: 4, reserved: 0, handedOut: 4 });
		expect(await auditActions(ctx.db, 'kit_item.stock')).toEqual(['kit_item.stock_added', 'kit_item.stock_corrected']);
	});

	it('flags low stock: below the item threshold, or below 10% of on hand without one', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const a = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 100);
		const b = await itemWithStock(ctx.db, coordinator, editionId, { ...posters, lowStockThreshold: 50 }, 60);
		const c = await itemWithStock(ctx.db, coordinator, editionId, samBooklets, 0);
		expect((await lowStockItems(ctx.db, editionId)).map((i) => i.id)).toEqual([c]);
		await correctOnHand(ctx.db, coordinator, b, 49);
		await ctx.db.updateTable('kitItems').set({ reserved: 91 }).where('id', '=', a).execute();
		const low = await lowStockItems(ctx.db, editionId);
		expect(low.map((i) => [i.id, i.available])).toEqual([
			[a, 9],
			[b, 49],
			[c, 0]
		]);
	});

	it('copies the active catalogue without stock, once', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const from = await createEdition(ctx.db, { year: 2027 });
		const to = await createEdition(ctx.db, { year: 2028 });
		await itemWithStock(ctx.db, coordinator, from, wristbands, 500);
		await itemWithStock(ctx.db, coordinator, from, { ...posters, sortOrder: 2 }, 40);
		const retired = await createItem(ctx.db, coordinator, from, samBooklets);
		await setItemActive(ctx.db, coordinator, retired, false);
		expect(await withTransaction(ctx.db, (trx) => copyCatalogue(trx, from, to))).toBe(2);
		expect(await withTransaction(ctx.db, (trx) => copyCatalogue(trx, from, to))).toBe(0);
		const copied = await catalogue(ctx.db, to);
		expect(copied.map((i) => [i.nameEn, i.allowanceKind, i.marginPerMille, i.fixedQuantity, i.onHand, i.reserved, i.handedOut])).toEqual([
			['Purple wristbands', 'per_pupil', 1100, null, 0, 0, 0],
			['Posters', 'fixed_per_campus', null, 5, 0, 0, 0]
		]);
	});

	it('carries only the available stock over to the item of the same name; nothing is lost or counted twice', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const from = await createEdition(ctx.db, { year: 2027 });
		const to = await createEdition(ctx.db, { year: 2028 });
		const bands = await itemWithStock(ctx.db, coordinator, from, wristbands, 100);
		const sam = await itemWithStock(ctx.db, coordinator, from, samBooklets, 7);
		const campus = await campusWithPupils(ctx.db, from, 'an@school.be', [20]);
		const handed = await saveOrder(ctx.db, campus.actor, {
			editionId: from,
			campusId: campus.campusId,
			delivery: 'delivery',
			remarks: null,
			lines: [{ itemId: bands, quantity: 20 }]
		});
		await approveOrder(ctx.db, coordinator, handed);
		await markPacked(ctx.db, coordinator, handed);
		await handOver(ctx.db, coordinator, handed, { handedOverOn: '2027-04-02', receivedBy: 'Jan' });
		const reserved = await saveOrder(ctx.db, campus.actor, {
			editionId: from,
			campusId: campus.campusId,
			delivery: 'delivery',
			remarks: null,
			lines: [{ itemId: bands, quantity: 2 }]
		});
		await approveOrder(ctx.db, coordinator, reserved);
		const target = await createItem(ctx.db, coordinator, to, wristbands);
		await addStock(ctx.db, coordinator, target, 10);
		const result = await carryOverStock(ctx.db, coordinator, from, to);
		expect(result.moved.map((m) => [m.fromItemId, m.toItemId, m.quantity])).toEqual([[bands, target, 78]]);
		expect(result.skipped.map((s) => [s.itemId, s.available])).toEqual([[sam, 7]]);
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 22, reserved: 2, handedOut: 20 });
		expect(await stock(ctx.db, target)).toEqual({ onHand: 88, reserved: 0, handedOut: 0 });
		expect(await carryOverStock(ctx.db, coordinator, from, to)).toMatchObject({ moved: [] });
		await expect(carryOverStock(ctx.db, coordinator, from, from)).rejects.toMatchObject({ messageKey: 'kit_error_carry_same_edition' });
	});
});
