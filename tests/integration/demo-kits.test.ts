import { expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedDemoKits } from '../../db/seeds/demo-kits';
import { lowStockItems } from '../../src/lib/server/kits/catalogue.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';

describeEachDatabase('demo kits', (dialect) => {
	const ctx = useDatabase(dialect);
	const today = new Date('2026-11-26T10:00:00Z');

	it('adds a catalogue with consistent stock and orders in every state, once', async () => {
		freezeClock('2026-11-26T10:00:00Z');
		await seedDemo(ctx.db, { today });
		await seedDemoKits(ctx.db, { today });
		await seedDemoKits(ctx.db, { today });
		const edition = await ctx.db.selectFrom('editions').select('id').where('name', '=', 'PAARS 2027').executeTakeFirstOrThrow();
		const items = await ctx.db.selectFrom('kitItems').selectAll().where('editionId', '=', edition.id).execute();
		expect(items.map((i) => i.nameNl)).toEqual(['Paarse polsbandjes', 'Affiches', 'Regenboogvlaggen', 'PAARS-krant', 'Boekje Sam', 'Boekje Lily']);
		const orders = await ctx.db
			.selectFrom('kitOrders')
			.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
			.select(['kitOrders.id', 'kitOrders.status', 'kitOrders.open', 'campuses.name'])
			.orderBy('campuses.name')
			.execute();
		expect(orders.map((o) => [o.name, o.status])).toEqual([
			['Campus Centrum', 'submitted'],
			['Campus Dorp', 'packed'],
			['Campus Overleie', 'approved'],
			['Campus Stationsplein', 'handed_over']
		]);
		expect(orders.find((o) => o.status === 'submitted')!.open).toBe(1);
		const lines = await ctx.db
			.selectFrom('kitOrderLines')
			.innerJoin('kitOrders', 'kitOrders.id', 'kitOrderLines.orderId')
			.select(['itemId', 'quantity', 'status'])
			.execute();
		for (const i of items) {
			const sum = (statuses: string[]) => lines.filter((l) => l.itemId === i.id && statuses.includes(l.status)).reduce((a, l) => a + l.quantity, 0);
			expect([i.reserved, i.handedOut]).toEqual([sum(['approved', 'packed']), sum(['handed_over'])]);
			expect(i.onHand - i.reserved - i.handedOut).toBeGreaterThanOrEqual(0);
		}
		// Campus Centrum: 24 + 22 + 19 secondary pupils -> 72 wristbands (x 1.1, up), 65 newspapers, no booklets.
		const centrum = lines.filter((l) => l.status === 'submitted');
		expect(centrum.map((l) => l.quantity).sort((a, b) => a - b)).toEqual([1, 5, 65, 72]);
		expect((await lowStockItems(ctx.db, edition.id)).map((i) => i.nameNl)).toEqual(['Regenboogvlaggen']);
	});
});
