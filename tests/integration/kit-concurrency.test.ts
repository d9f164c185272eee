import { expect, it } from 'vitest';
import { approveOrder } from '../../src/lib/server/kits/kit-order-flow.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { describeEachDatabase } from './support/databases';
import { coordinatorActor, createEdition } from './support/enrolment-fixtures';
import { useDatabase } from './support/context';
import { count } from './support/fixtures';
import { campusWithPupils, itemWithStock, posters, secondCoordinator, stock, wristbands } from './support/kit-fixtures';

const rejectionKeys = (results: PromiseSettledResult<unknown>[]) =>
	results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason?.messageKey ?? String(r.reason));

/**
 * Stock races decided by the database. On MariaDB these run on real parallel
 * connections; on SQLite Kysely serialises them on one connection, so there they
 * only prove the outcome, not the race.
 */
describeEachDatabase('kit concurrency', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 12 });

	it('lets exactly one of two coordinators approving orders for the last items at the same moment succeed', async () => {
		const [griet, ahmed] = [await coordinatorActor(ctx.db), await secondCoordinator(ctx.db)];
		const editionId = await createEdition(ctx.db);
		// Several rounds, so that the two approvals really overlap on MariaDB.
		for (let round = 0; round < 5; round++) {
			const bands = await itemWithStock(ctx.db, griet, editionId, { ...wristbands, nameNl: `Polsbandjes ${round}` }, 30);
			const poster = await itemWithStock(ctx.db, griet, editionId, { ...posters, nameNl: `Affiches ${round}` }, 100);
			const orderIds: number[] = [];
			for (const who of ['a', 'b']) {
				const campus = await campusWithPupils(ctx.db, editionId, `${who}${round}@school.be`, [20]);
				orderIds.push(
					await saveOrder(ctx.db, campus.actor, {
						editionId,
						campusId: campus.campusId,
						delivery: 'delivery',
						remarks: null,
						lines: [
							{ itemId: bands, quantity: 20 },
							{ itemId: poster, quantity: 5 }
						]
					})
				);
			}
			const results = await Promise.allSettled([approveOrder(ctx.db, griet, orderIds[0], 'en'), approveOrder(ctx.db, ahmed, orderIds[1], 'en')]);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			expect(rejectionKeys(results)).toEqual(['kit_error_out_of_stock']);
			const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
			expect(loser.reason.params).toMatchObject({ item: 'Purple wristbands', quantity: 20, available: 10 });
			// Stock is consistent: one approval's worth reserved, of both items (the loser reserved nothing).
			expect(await stock(ctx.db, bands)).toEqual({ onHand: 30, reserved: 20, handedOut: 0 });
			expect(await stock(ctx.db, poster)).toEqual({ onHand: 100, reserved: 5, handedOut: 0 });
			const approved = await ctx.db.selectFrom('kitOrders').select('id').where('id', 'in', orderIds).where('status', '=', 'approved').execute();
			expect(approved).toHaveLength(1);
		}
	});

	it('approves exactly as many of ten simultaneous orders as the stock allows, never going negative', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 35);
		const poster = await itemWithStock(ctx.db, coordinator, editionId, posters, 1000);
		const orderIds: number[] = [];
		for (let i = 0; i < 10; i++) {
			const campus = await campusWithPupils(ctx.db, editionId, `t${i}@school.be`, [20]);
			// Lines in both orders of entry: stock rows are still locked in item id order.
			const lines = [
				{ itemId: poster, quantity: 5 },
				{ itemId: bands, quantity: 10 }
			];
			orderIds.push(
				await saveOrder(ctx.db, campus.actor, {
					editionId,
					campusId: campus.campusId,
					delivery: 'pickup',
					remarks: null,
					lines: i % 2 ? lines : lines.reverse()
				})
			);
		}
		const results = await Promise.allSettled(orderIds.map((id) => approveOrder(ctx.db, coordinator, id)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		expect(rejectionKeys(results)).toEqual(Array(7).fill('kit_error_out_of_stock'));
		expect(await stock(ctx.db, bands)).toEqual({ onHand: 35, reserved: 30, handedOut: 0 });
		expect(await stock(ctx.db, poster)).toEqual({ onHand: 1000, reserved: 15, handedOut: 0 });
	});

	it('keeps one open order when a teacher submits a new order twice at once', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 100);
		const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [20]);
		const submit = () =>
			saveOrder(ctx.db, campus.actor, { editionId, campusId: campus.campusId, delivery: 'delivery', remarks: null, lines: [{ itemId: bands, quantity: 22 }] });
		const results = await Promise.allSettled(Array.from({ length: 6 }, submit));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(rejectionKeys(results)).toEqual(Array(5).fill('kit_error_open_order_exists'));
		expect(await count(ctx.db, 'kitOrders')).toBe(1);
		expect(await count(ctx.db, 'kitOrderLines')).toBe(1);
	});
});
