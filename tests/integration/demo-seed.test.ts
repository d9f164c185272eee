import { expect, it } from 'vitest';
import { isDatabaseEmpty, seedDemo } from '../../db/seeds/demo';
import { login } from '../../src/lib/server/auth/login.service';
import { editionsForDisplay } from '../../src/lib/server/campaigns/edition-view';
import type { Database } from '../../src/lib/server/db/schema';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count } from './support/fixtures';

const tables: (keyof Database)[] = [
	'classes',
	'users',
	'userRoles',
	'organisations',
	'schools',
	'campuses',
	'campusLevels',
	'teacherCampuses',
	'campaigns',
	'editions',
	'settings',
	'blockedDays',
	'workshopSlots',
	'slotTrainers',
	'mailOutbox'
];

async function counts(db: Parameters<typeof count>[0]) {
	return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(db, t)])));
}

describeEachDatabase('demo seed', (dialect) => {
	const ctx = useDatabase(dialect);

	it('loads Kortrijk with 8 campuses, Wel Jong and çavaria, and the three demo accounts that can log in', async () => {
		freezeClock('2026-11-26T10:00:00Z');
		expect(await isDatabaseEmpty(ctx.db)).toBe(true);
		await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
		const c = await counts(ctx.db);
		expect(c.campuses).toBe(8);
		expect(c.schools).toBeGreaterThanOrEqual(4);
		const orgs = await ctx.db.selectFrom('organisations').select('name').execute();
		expect(orgs.map((o) => o.name).sort()).toEqual(['Wel Jong', 'çavaria']);
		for (const email of ['coordinator@example.org', 'trainer@example.org', 'teacher@example.org']) {
			await expect(login(ctx.db, { email, password: 'Paars-demo-2026', address: '127.0.0.1', userAgent: null })).resolves.toBeTruthy();
		}
		const city = await ctx.db.selectFrom('settings').selectAll().where('key', '=', 'city_name').executeTakeFirstOrThrow();
		expect([city.valueNl, city.valueEn]).toEqual(['Stad Kortrijk', 'City of Kortrijk']);
	});

	it("enrols classes at most campuses, with some on the waiting list and the demo teacher's campus enrolled, and last year's figures", async () => {
		await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
		const rows = await ctx.db
			.selectFrom('classes')
			.innerJoin('editions', 'editions.id', 'classes.editionId')
			.innerJoin('campuses', 'campuses.id', 'classes.campusId')
			.select(['editions.name as edition', 'campuses.name as campus', 'classes.status'])
			.execute();
		const upcoming = rows.filter((r) => r.edition === 'PAARS 2027');
		expect(new Set(upcoming.map((r) => r.campus)).size).toBeGreaterThanOrEqual(5);
		expect(upcoming.filter((r) => r.status === 'waiting').length).toBeGreaterThan(0);
		expect(upcoming.filter((r) => r.campus === 'Campus Centrum' && r.status === 'enrolled').length).toBeGreaterThan(0);
		expect(rows.filter((r) => r.edition === 'PAARS 2026' && r.status === 'enrolled').length).toBeGreaterThan(3);
		// The outbox tells what teachers and trainers received: enrolment confirmations (and a
		// withdrawal), the workshop mails, and certificate mails for workshops reported given.
		const mails = await ctx.db.selectFrom('mailOutbox').select('template').distinct().execute();
		expect(mails.map((m) => m.template).sort()).toEqual(['certificate_available', 'class_enrolled', 'class_waiting', 'class_withdrawn', 'workshop']);
		const teacherMails = await ctx.db
			.selectFrom('mailOutbox')
			.select(['subject', 'createdAt'])
			.where('recipient', '=', 'teacher@example.org')
			.where('template', '=', 'class_enrolled')
			.orderBy('createdAt')
			.execute();
		expect(teacherMails.map((m) => m.subject)).toContain('Ingeschreven: 1A voor PAARS 2027');
		expect(teacherMails[0].createdAt < '2026-11-26').toBe(true);
	});

	it('is idempotent: a second run changes nothing', async () => {
		await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
		const first = await counts(ctx.db);
		const codes = await ctx.db.selectFrom('campuses').select('inviteCode').orderBy('id').execute();
		await seedDemo(ctx.db, { today: new Date('2026-12-10T10:00:00Z') });
		expect(await counts(ctx.db)).toEqual(first);
		expect(await ctx.db.selectFrom('campuses').select('inviteCode').orderBy('id').execute()).toEqual(codes);
	});

	it.each([
		['2026-11-26T10:00:00Z', 2027],
		['2027-05-17T08:00:00Z', 2027],
		['2027-05-18T08:00:00Z', 2028]
	])('on %s names the upcoming edition after the next 17 May (%i), open for enrolment now, with the previous one archived', async (today, year) => {
		freezeClock(today);
		await seedDemo(ctx.db, { today: new Date(today) });
		const editions = await editionsForDisplay(ctx.db, ['published', 'archived']);
		expect(editions.map((e) => [e.name, e.phase])).toEqual([
			[`PAARS ${year}`, 'open'],
			[`PAARS ${year - 1}`, 'archived']
		]);
		const upcoming = editions[0];
		const threeWeeksAgo = new Date(new Date(today).getTime() - 21 * 86_400_000).toISOString().slice(0, 10);
		expect(upcoming.workshopStartsOn).toBe(threeWeeksAgo);
		expect(upcoming.workshopEndsOn).toBe(`${year}-06-07`);
	});
});
