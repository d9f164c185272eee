import { expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedLarge } from '../../db/seeds/large';
import type { Actor } from '../../src/lib/server/auth/actor';
import { emailKey } from '../../src/lib/server/db/keys';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { insertClass, reportedSlot } from './support/campaign-report-fixtures';
import { agreed, editionPupilsReached, pupilsReachedEverywhere } from './support/figures-fixtures';
import { workshopWorld } from './support/workshop-fixtures';

const today = new Date('2026-11-26T10:00:00Z');
// The generator behind `npm run db:seed:large` (the Flanders data set), at the small size large-seed.test uses.
const small = { schools: 20, campuses: 50, classes: 1000, teachers: 10, trainers: 10, workshops: 200, waiting: 7, withdrawn: 10 };

describeEachDatabase('pupils reached agree everywhere', (dialect) => {
	const ctx = useDatabase(dialect);

	/** Every place gives each campus the same figure, and the edition totals are their sum. */
	async function expectAgreement(coordinator: Actor, editionId: number, pdfs = Infinity) {
		const { campuses, total } = await pupilsReachedEverywhere(ctx.db, coordinator, editionId, pdfs);
		expect(campuses).toEqual(campuses.map(agreed));
		const sum = campuses.reduce((s, c) => s + c.report, 0);
		expect(total).toBe(sum);
		expect(await editionPupilsReached(ctx.db, coordinator, editionId)).toEqual({ report: sum, hub: sum, overview: sum });
		return campuses;
	}

	it('counts the enrolled classes (materials-only too) and not waiting, withdrawn or the pupils present at a workshop', async () => {
		const w = await workshopWorld(ctx.db);
		const [c5a, c5b] = w.centrum.classIds;
		const [n6a, n6b] = w.noord.classIds;
		const waiting = await insertClass(ctx.db, w.editionId, w.centrum.campusId, '6C', 24, w.centrum.teacher.id);
		await ctx.db.updateTable('classes').set({ status: 'waiting' }).where('id', '=', waiting).execute();
		const withdrawn = await insertClass(ctx.db, w.editionId, w.noord.campusId, '6D', 15, w.noord.teacher.id);
		const materials = await insertClass(ctx.db, w.editionId, w.noord.campusId, '6E', 12, w.noord.teacher.id);
		await ctx.db.updateTable('classes').set({ participation: 'materials' }).where('id', '=', materials).execute();
		// Centrum: 5A given with one pupil absent (21 of 22), 5B's workshop not given.
		await reportedSlot(ctx.db, w, {
			campusId: w.centrum.campusId,
			localDate: '2027-04-21',
			trainers: [w.anna.id],
			classIds: [c5a],
			outcome: 'given',
			pupils: 21
		});
		await reportedSlot(ctx.db, w, { campusId: w.centrum.campusId, localDate: '2027-04-22', trainers: [w.anna.id], classIds: [c5b], outcome: 'not_given' });
		// Noord: 6A, 6B and 6D together (35 present), then 6D withdrew.
		await reportedSlot(ctx.db, w, {
			campusId: w.noord.campusId,
			localDate: '2027-04-23',
			trainers: [w.chris.id],
			classIds: [n6a, n6b, withdrawn],
			outcome: 'given',
			pupils: 35
		});
		await ctx.db.updateTable('classes').set({ status: 'withdrawn', withdrawnAt: '2027-04-24 08:00:00.000' }).where('id', '=', withdrawn).execute();

		const campuses = await expectAgreement(w.coordinator, w.editionId);
		expect(campuses.map((c) => [c.campus, c.report])).toEqual([
			['Testschool – Campus Centrum', 22 + 20],
			['Testschool – Campus Noord', 18 + 19 + 12]
		]);
		// The certificate also counts the classes the same way: 5A and 5B; 6A, 6B and the materials-only 6E.
		const certs = await ctx.db.selectFrom('certificates').select(['campusId', 'factsJson']).where('classId', 'is', null).execute();
		const classes = new Map(certs.map((c) => [c.campusId, JSON.parse(c.factsJson).classesReached]));
		expect([classes.get(w.centrum.campusId), classes.get(w.noord.campusId)]).toEqual([2, 3]);
	});

	it('agrees on the Kortrijk demo (46 vs 47 at Campus Centrum in PAARS 2026 before) and on the Flanders data set', async () => {
		freezeClock(today);
		await seedDemo(ctx.db, { today });
		const { editionId: flanders } = await seedLarge(ctx.db, { today, ...small });
		const user = await ctx.db
			.selectFrom('users')
			.select(['id', 'displayName'])
			.where('emailKey', '=', emailKey('coordinator@example.org'))
			.executeTakeFirstOrThrow();
		const coordinator: Actor = { id: user.id, displayName: user.displayName, roles: ['coordinator'] };
		const editions = await ctx.db.selectFrom('editions').select(['id', 'name']).where('id', '!=', flanders).execute();
		const byEdition = new Map<string, { campus: string; report: number }[]>();
		for (const e of editions) byEdition.set(e.name, await expectAgreement(coordinator, e.id));
		// The campus whose certificate said 46 (pupils present at its workshops: 22 + 24) where its page said 47 (23 + 24).
		expect(byEdition.get('PAARS 2026')?.find((c) => c.campus.endsWith('Campus Centrum'))?.report).toBe(47);
		// Flanders: every campus compared; the certificate PDF read for the first 10 (the facts for all).
		const large = await expectAgreement(coordinator, flanders, 10);
		expect(large.length).toBeGreaterThan(10);
	});
});
