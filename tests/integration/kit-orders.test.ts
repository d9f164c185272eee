import { expect, it } from 'vitest';
import { addStock } from '../../src/lib/server/kits/catalogue.service';
import { approveOrder, cancelOrder, handOver, markPacked } from '../../src/lib/server/kits/kit-order-flow.service';
import { prefillOrder, saveOrder, type OrderInput } from '../../src/lib/server/kits/kit-order.service';
import { orderDetail, orderListPage } from '../../src/lib/server/kits/kit-order-view';
import { pickList, type PickListOrder } from '../../src/lib/server/kits/pick-list';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import type { Actor } from '../../src/lib/server/auth/actor';
import { describeEachDatabase } from './support/databases';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { useDatabase } from './support/context';
import { count, createCampus } from './support/fixtures';
import { auditActions, campusWithPupils, itemWithStock, posters, stock, wristbands } from './support/kit-fixtures';

describeEachDatabase('kit orders', (dialect) => {
	const ctx = useDatabase(dialect);

	/** An edition with wristbands (stock 1000) and posters (stock 100), a campus of 22 + 19 pupils: maxima 46 and 5. */
	async function setting() {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 1000);
		const poster = await itemWithStock(ctx.db, coordinator, editionId, posters, 100);
		const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [22, 19]);
		const order = (lines: [number, number][], extra: Partial<OrderInput> = {}): OrderInput => ({
			editionId,
			campusId: campus.campusId,
			delivery: 'delivery',
			remarks: null,
			lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })),
			...extra
		});
		return { coordinator, editionId, bands, poster, campus, order };
	}

	const lines = async (orderId: number) =>
		(await ctx.db.selectFrom('kitOrderLines').select(['itemId', 'quantity']).where('orderId', '=', orderId).orderBy('itemId').execute()).map((l) => [
			l.itemId,
			l.quantity
		]);

	it('prefills the order from the enrolled pupils, then shows the open order', async () => {
		const { bands, poster, campus, editionId, order } = await setting();
		const fresh = await prefillOrder(ctx.db, campus.actor, campus.campusId, editionId);
		expect(fresh.orderId).toBeNull();
		expect(fresh.lines.map((l) => [l.itemId, l.maximum, l.quantity])).toEqual([
			[bands, 46, 46],
			[poster, 5, 5]
		]);
		const id = await saveOrder(ctx.db, campus.actor, order([[bands, 40]], { delivery: 'pickup' }));
		const open = await prefillOrder(ctx.db, campus.actor, campus.campusId, editionId);
		expect(open).toMatchObject({ orderId: id, status: 'submitted', delivery: 'pickup' });
		expect(open.lines.map((l) => [l.itemId, l.quantity])).toEqual([
			[bands, 40],
			[poster, 0]
		]);
	});

	it('refuses negative quantities, an empty order and more than the campus maximum, writing nothing', async () => {
		const { bands, poster, campus, order } = await setting();
		await expect(
			saveOrder(
				ctx.db,
				campus.actor,
				order([
					[bands, -1],
					[poster, 2]
				])
			)
		).rejects.toMatchObject({ messageKey: 'kit_error_quantity_negative', field: `quantity_${bands}` });
		await expect(
			saveOrder(
				ctx.db,
				campus.actor,
				order([
					[bands, 0],
					[poster, 0]
				])
			)
		).rejects.toMatchObject({ messageKey: 'kit_error_order_empty' });
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 2.5]]))).rejects.toMatchObject({ messageKey: 'kit_error_quantity_invalid' });
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 47]]), 'en')).rejects.toMatchObject({
			messageKey: 'kit_error_above_maximum',
			field: `quantity_${bands}`,
			params: { item: 'Purple wristbands', maximum: 46 }
		});
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 1]], { remarks: 'x'.repeat(501) }))).rejects.toMatchObject({ field: 'remarks' });
		expect(await count(ctx.db, 'kitOrders')).toBe(0);
		// Zero lines are dropped.
		const id = await saveOrder(
			ctx.db,
			campus.actor,
			order([
				[bands, 46],
				[poster, 0]
			])
		);
		expect(await lines(id)).toEqual([[bands, 46]]);
	});

	it('refuses an order for another campus (crafted post), but a coordinator may order on its behalf', async () => {
		const { bands, campus, editionId, coordinator, order } = await setting();
		const other = await campusWithPupils(ctx.db, editionId, 'bo@school.be', [20]);
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 5]], { campusId: other.campusId }))).rejects.toMatchObject({
			messageKey: 'error_not_your_campus',
			status: 403
		});
		const trainer: Actor = { ...campus.actor, roles: ['trainer'] };
		await expect(saveOrder(ctx.db, trainer, order([[bands, 5]]))).rejects.toMatchObject({ status: 403 });
		const id = await saveOrder(ctx.db, coordinator, order([[bands, 22]], { campusId: other.campusId }));
		// Nor may the teacher edit the other campus's order by naming its id.
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 1]], { campusId: other.campusId, orderId: id }))).rejects.toMatchObject({ status: 403 });
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 1]], { orderId: id }))).rejects.toMatchObject({ status: 404 });
		expect(await lines(id)).toEqual([[bands, 22]]);
	});

	it('keeps one open order per campus, editable until approved', async () => {
		const { bands, poster, campus, coordinator, order } = await setting();
		const id = await saveOrder(ctx.db, campus.actor, order([[bands, 10]], { submit: false }));
		await expect(approveOrder(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'kit_error_approve_not_submitted' });
		await expect(saveOrder(ctx.db, campus.actor, order([[poster, 1]]))).rejects.toMatchObject({ messageKey: 'kit_error_open_order_exists' });
		expect(
			await saveOrder(
				ctx.db,
				campus.actor,
				order(
					[
						[bands, 12],
						[poster, 3]
					],
					{ orderId: id }
				)
			)
		).toBe(id);
		expect(await lines(id)).toEqual([
			[bands, 12],
			[poster, 3]
		]);
		await approveOrder(ctx.db, coordinator, id);
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 1]], { orderId: id }))).rejects.toMatchObject({ messageKey: 'kit_error_order_not_editable' });
		await expect(saveOrder(ctx.db, coordinator, order([[bands, 1]], { orderId: id }))).rejects.toMatchObject({ messageKey: 'kit_error_order_not_editable' });
		expect(await lines(id)).toEqual([
			[bands, 12],
			[poster, 3]
		]);
		expect(await auditActions(ctx.db, 'kit_order.')).toEqual(['kit_order.created', 'kit_order.updated', 'kit_order.approved']);
	});

	it('reserves on approval, moves reserved to handed out on hand-over, and refuses illegal steps', async () => {
		const { bands, poster, campus, coordinator, order } = await setting();
		const id = await saveOrder(
			ctx.db,
			campus.actor,
			order([
				[bands, 46],
				[poster, 5]
			])
		);
		await expect(markPacked(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'kit_error_pack_not_approved' });
		await expect(approveOrder(ctx.db, campus.actor, id)).rejects.toMatchObject({ status: 403 });
		await approveOrder(ctx.db, coordinator, id);
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 1000, reserved: 46, handedOut: 0 });
		await expect(approveOrder(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'kit_error_approve_not_submitted' });
		await expect(handOver(ctx.db, coordinator, id, { handedOverOn: '2027-04-02', receivedBy: 'Jan' })).rejects.toMatchObject({
			messageKey: 'kit_error_hand_over_not_packed'
		});
		await markPacked(ctx.db, coordinator, id);
		await expect(handOver(ctx.db, coordinator, id, { handedOverOn: '2027-02-30', receivedBy: 'Jan' })).rejects.toMatchObject({
			messageKey: 'kit_error_date_invalid'
		});
		await expect(handOver(ctx.db, coordinator, id, { handedOverOn: '2027-04-02', receivedBy: '  ' })).rejects.toMatchObject({ field: 'receivedBy' });
		await handOver(ctx.db, coordinator, id, { handedOverOn: '2027-04-02', receivedBy: 'Jan Peeters' });
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 1000, reserved: 0, handedOut: 46 });
		expect(await stock(ctx.db, poster)).toEqual({ onHand: 100, reserved: 0, handedOut: 5 });
		const row = await ctx.db.selectFrom('kitOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'handed_over', open: null, handedOverOn: '2027-04-02', receivedBy: 'Jan Peeters', approvedBy: coordinator.id });
		await expect(cancelOrder(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'kit_error_cancel_closed' });
		expect(await auditActions(ctx.db, 'kit_order.')).toEqual(['kit_order.created', 'kit_order.approved', 'kit_order.packed', 'kit_order.handed_over']);
	});

	it('releases reserved stock when an approved or packed order is cancelled', async () => {
		const { bands, campus, coordinator, order } = await setting();
		const id = await saveOrder(ctx.db, campus.actor, order([[bands, 30]]));
		await approveOrder(ctx.db, coordinator, id);
		await markPacked(ctx.db, coordinator, id);
		await expect(cancelOrder(ctx.db, campus.actor, id)).rejects.toMatchObject({ messageKey: 'kit_error_order_not_editable' });
		await cancelOrder(ctx.db, coordinator, id);
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 1000, reserved: 0, handedOut: 0 });
		await expect(cancelOrder(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'kit_error_cancel_closed' });
		// A teacher may withdraw their own open order; the campus may then order anew.
		const again = await saveOrder(ctx.db, campus.actor, order([[bands, 46]]));
		await cancelOrder(ctx.db, campus.actor, again);
		expect(await saveOrder(ctx.db, campus.actor, order([[bands, 46]]))).toBeGreaterThan(again);
	});

	it('approves all lines or none: a line without stock names the item and nothing is reserved', async () => {
		const { bands, poster, campus, coordinator, order } = await setting();
		await ctx.db.updateTable('kitItems').set({ onHand: 3 }).where('id', '=', poster).execute();
		const id = await saveOrder(
			ctx.db,
			campus.actor,
			order([
				[bands, 40],
				[poster, 5]
			])
		);
		await expect(approveOrder(ctx.db, coordinator, id, 'en')).rejects.toMatchObject({
			messageKey: 'kit_error_out_of_stock',
			status: 409,
			params: { item: 'Posters', available: 3, quantity: 5 }
		});
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 1000, reserved: 0, handedOut: 0 });
		expect(await ctx.db.selectFrom('kitOrders').select(['status', 'open']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
			status: 'submitted',
			open: 1
		});
		await addStock(ctx.db, coordinator, poster, 2);
		await approveOrder(ctx.db, coordinator, id);
		expect(await stock(ctx.db, poster)).toEqual({ onHand: 5, reserved: 5, handedOut: 0 });
	});

	it('allows a supplementary order within the remaining maximum after approval', async () => {
		const { bands, poster, campus, editionId, coordinator, order } = await setting();
		const first = await saveOrder(
			ctx.db,
			campus.actor,
			order([
				[bands, 30],
				[poster, 5]
			])
		);
		await approveOrder(ctx.db, coordinator, first);
		const prefill = await prefillOrder(ctx.db, campus.actor, campus.campusId, editionId);
		expect(prefill).toMatchObject({ orderId: null, supplementaryOf: first });
		expect(prefill.lines.map((l) => [l.maximum, l.committed, l.remaining, l.quantity])).toEqual([
			[46, 30, 16, 16],
			[5, 5, 0, 0]
		]);
		await expect(saveOrder(ctx.db, campus.actor, order([[bands, 17]]))).rejects.toMatchObject({
			messageKey: 'kit_error_above_maximum',
			params: { maximum: 16 }
		});
		await expect(saveOrder(ctx.db, campus.actor, order([[poster, 1]]))).rejects.toMatchObject({
			messageKey: 'kit_error_above_maximum',
			params: { maximum: 0 }
		});
		const extra = await saveOrder(ctx.db, campus.actor, order([[bands, 16]]));
		expect(await ctx.db.selectFrom('kitOrders').select('supplementaryOf').where('id', '=', extra).executeTakeFirstOrThrow()).toEqual({
			supplementaryOf: first
		});
		// Cancelling the first approved order gives its share of the maximum back.
		await cancelOrder(ctx.db, coordinator, first);
		expect(
			await saveOrder(
				ctx.db,
				campus.actor,
				order(
					[
						[bands, 46],
						[poster, 5]
					],
					{ orderId: extra }
				)
			)
		).toBe(extra);
	});
});

describeEachDatabase('kit order views', (dialect) => {
	const ctx = useDatabase(dialect);

	it("lists an edition's orders by status and shows an order only to coordinators and its own campus", async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 100);
		const poster = await itemWithStock(ctx.db, coordinator, editionId, { ...posters, sortOrder: -1 }, 100);
		const a = await campusWithPupils(ctx.db, editionId, 'an@school.be', [20]);
		const b = await campusWithPupils(ctx.db, editionId, 'bo@school.be', [20]);
		const first = await saveOrder(ctx.db, a.actor, {
			editionId,
			campusId: a.campusId,
			delivery: 'delivery',
			remarks: 'Graag vóór 10 mei',
			lines: [
				{ itemId: bands, quantity: 22 },
				{ itemId: poster, quantity: 2 }
			]
		});
		await saveOrder(ctx.db, b.actor, { editionId, campusId: b.campusId, delivery: 'pickup', remarks: null, lines: [{ itemId: bands, quantity: 1 }] });
		await approveOrder(ctx.db, coordinator, first);
		const page = await orderListPage(ctx.db, editionId, 'approved', { page: 1, limit: 10, offset: 0 });
		expect(page).toMatchObject({ total: 1, pages: 1, rows: [{ id: first, campusName: 'Campus an@school.be', status: 'approved' }] });
		expect((await orderListPage(ctx.db, editionId, null, { page: 1, limit: 10, offset: 0 })).total).toBe(2);
		const detail = await orderDetail(ctx.db, a.actor, first);
		expect(detail).toMatchObject({ campusName: 'Campus an@school.be', city: 'Kortrijk', remarks: 'Graag vóór 10 mei' });
		expect(detail.lines.map((l) => [l.nameNl, l.quantity])).toEqual([
			['Affiches', 2],
			['Paarse polsbandjes', 22]
		]);
		await expect(orderDetail(ctx.db, b.actor, first)).rejects.toMatchObject({ status: 403 });
		await expect(orderDetail(ctx.db, coordinator, first + 1000)).rejects.toMatchObject({ status: 404 });
	});
});

describeEachDatabase('kit pick list', (dialect) => {
	const ctx = useDatabase(dialect);

	it('lists the approved orders of an edition sorted by campus, each with its lines', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 1000);
		const names = ['Zuid', 'noord', 'Centrum'];
		const ids: number[] = [];
		for (const name of names) {
			const campus = await createCampus(ctx.db, { name, levels: ['lager'] });
			const t = await teacherAt(ctx.db, `${name.toLowerCase()}@school.be`, campus);
			await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5A', { pupilCount: 10 }));
			ids.push(
				await saveOrder(ctx.db, t.actor, {
					editionId,
					campusId: t.campusId,
					delivery: 'pickup',
					remarks: null,
					lines: [{ itemId: bands, quantity: names.indexOf(name) + 1 }]
				})
			);
		}
		await approveOrder(ctx.db, coordinator, ids[0]);
		await approveOrder(ctx.db, coordinator, ids[1]);
		await approveOrder(ctx.db, coordinator, ids[2]);
		await cancelOrder(ctx.db, coordinator, ids[2]);
		const chunks: PickListOrder[][] = [];
		// Chunks of one order prove the keyset continues where the previous chunk ended.
		for await (const chunk of pickList(ctx.db, editionId, 1)) chunks.push(chunk);
		expect(chunks.map((c) => c.length)).toEqual([1, 1]);
		expect(chunks.flat().map((o) => [o.campusName, o.lines.map((l) => [l.nameNl, l.quantity])])).toEqual([
			['noord', [['Paarse polsbandjes', 2]]],
			['Zuid', [['Paarse polsbandjes', 1]]]
		]);
	});
});
