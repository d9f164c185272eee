import { expect, it } from 'vitest';
import { LargeSeedAlreadyLoaded, seedLarge } from '../../db/seeds/large';
import { seedDemo } from '../../db/seeds/demo';
import { enrolmentOverview } from '../../src/lib/server/reports/enrolment-overview.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { count } from './support/fixtures';
import { filterOf } from './support/report-fixtures';
import { workshopRuleViolations } from './support/workshop-rule-check';
import { belgianHolidaysBetween } from '../../src/lib/time/belgian-holidays';

// The generator behind `npm run db:seed:large`, at a small size (the full size is for npm run bench).
const small = { schools: 20, campuses: 50, classes: 1000, teachers: 10, trainers: 10, workshops: 200, waiting: 7, withdrawn: 10 };
const coordinator = { id: 1, displayName: 'c', roles: ['coordinator' as const] };

describeEachDatabase('scale data set', (dialect) => {
	const ctx = useDatabase(dialect);

	it('loads beside the demo without touching it, and refuses a second load', async () => {
		const today = new Date('2026-11-26T10:00:00Z');
		await seedDemo(ctx.db, { today });
		const demoClasses = await count(ctx.db, 'classes');
		const result = await seedLarge(ctx.db, { today, ...small });
		expect(result.editionName).toBe('PAARS Vlaanderen 2027');
		expect(result.counts).toMatchObject({ schools: 20, campuses: 50, classes: 1000, waiting: 7, teachers: 10, trainers: 10 });
		expect(result.counts.enrolled + result.counts.withdrawn).toBe(993);
		expect(await count(ctx.db, 'classes')).toBe(demoClasses + 1000);
		await expect(seedLarge(ctx.db, { today, ...small })).rejects.toBeInstanceOf(LargeSeedAlreadyLoaded);
		expect(await count(ctx.db, 'classes')).toBe(demoClasses + 1000);
	});

	it('makes a full edition whose waiting list is the last arrivals, numbered 1 to n', async () => {
		const { editionId, counts } = await seedLarge(ctx.db, { today: new Date('2026-11-26T10:00:00Z'), ...small });
		const o = await enrolmentOverview(ctx.db, coordinator, editionId, filterOf({ status: 'waiting', sort: 'status' }));
		expect(o.rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(o.totals.waiting).toBe(7);
		const edition = await ctx.db.selectFrom('editions').select('maxClasses').where('id', '=', editionId).executeTakeFirstOrThrow();
		expect(edition.maxClasses).toBe(counts.enrolled);
		const pupils = await ctx.db
			.selectFrom('classes')
			.select((eb) => [eb.fn.min('pupilCount').as('min'), eb.fn.max('pupilCount').as('max')])
			.executeTakeFirstOrThrow();
		expect([Number(pupils.min) >= 12, Number(pupils.max) <= 28]).toEqual([true, true]);
	});

	it('plans workshops on school days that break none of the booking rules, most of them booked and the past ones reported', async () => {
		const { editionId, counts } = await seedLarge(ctx.db, { today: new Date('2026-11-26T10:00:00Z'), ...small });
		const w = counts.workshops;
		expect(w.slots).toBe(200);
		expect(w.booked / w.slots).toBeGreaterThan(0.55);
		expect(w.booked / w.slots).toBeLessThan(0.85);
		expect(w.given).toBeGreaterThan(0);
		expect(w.blockedDays).toBe(belgianHolidaysBetween('2026-11-05', '2027-03-06').length);
		expect(await count(ctx.db, 'slotClasses')).toBeGreaterThanOrEqual(200);
		expect(await workshopRuleViolations(ctx.db, editionId)).toEqual([]);
	});
});
