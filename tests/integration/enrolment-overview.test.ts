import { expect, it } from 'vitest';
import { pageIdsByCampus } from '../../src/lib/server/reports/campus-walk';
import { classFilterOf, enrolmentOverview, overviewPageSize } from '../../src/lib/server/reports/enrolment-overview.service';
import { textKey } from '../../src/lib/server/db/keys';
import { withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { createCampus } from './support/fixtures';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { enrolmentScenario, filterOf, insertManyClasses } from './support/report-fixtures';

const errorOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.messageKey ?? String(e)
	);

describeEachDatabase('enrolment overview', (dialect) => {
	const ctx = useDatabase(dialect);
	const overview = async (raw: Record<string, string> = {}) => {
		const s = await enrolmentScenario(ctx.db);
		return { s, o: await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf(raw)) };
	};
	const names = (o: { rows: { name: string }[] }) => o.rows.map((r) => r.name);

	it('lists enrolled and waiting classes by school, campus and class name, hiding withdrawn ones', async () => {
		const { o } = await overview();
		expect(names(o)).toEqual(['1A', '2C', '5B', '6A', 'Klas 100%', '5A']);
		expect(o.rows[0]).toMatchObject({
			schoolName: 'Atheneum Zoë',
			campusName: 'Campus Zuid',
			city: 'Kortrijk',
			grade: 'S1',
			pupilCount: 20,
			language: 'nl',
			status: 'enrolled',
			enrolledOn: '2026-11-20'
		});
		expect(o).toMatchObject({ page: 1, pages: 1, edition: { name: 'PAARS 2027', phase: 'open', maxClasses: 4 } });
	});

	it('shows each waiting class its place on the waiting list, in arrival order', async () => {
		const { o } = await overview();
		const position = Object.fromEntries(o.rows.map((r) => [r.name, r.position]));
		expect(position).toEqual({ '1A': null, '2C': null, '5B': null, '6A': 1, 'Klas 100%': 2, '5A': null });
	});

	it('totals campuses taking part, classes enrolled, pupils reached and classes waiting', async () => {
		const { o } = await overview();
		expect(o.totals).toEqual({ classes: 6, campuses: 3, enrolled: 4, pupils: 20 + 20 + 22 + 28, waiting: 2 });
	});

	it('filters by status, withdrawn classes only when asked for', async () => {
		const { s } = await overview();
		const by = async (status: string) => enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ status }));
		expect(names(await by('withdrawn'))).toEqual(['6B']);
		expect((await by('withdrawn')).totals).toEqual({ classes: 1, campuses: 0, enrolled: 0, pupils: 0, waiting: 0 });
		expect(names(await by('waiting'))).toEqual(['6A', 'Klas 100%']);
		expect(names(await by('enrolled'))).toEqual(['1A', '2C', '5B', '5A']);
		expect(names(await by('all'))).toEqual(['1A', '2C', '5B', '6A', 'Klas 100%', '5A', '6B']);
	});

	it('filters by level, grade and school, with the totals following the filter', async () => {
		const { s } = await overview();
		const run = (raw: Record<string, string>) => enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf(raw));
		const secundair = await run({ level: 'secundair' });
		expect(names(secundair)).toEqual(['1A', '2C']);
		expect(secundair.totals).toEqual({ classes: 2, campuses: 1, enrolled: 2, pupils: 48, waiting: 0 });
		expect(names(await run({ grade: 'L5' }))).toEqual(['5B', '5A']);
		const lagerL6 = await run({ level: 'lager', grade: 'L6' });
		expect(names(lagerL6)).toEqual(['6A', 'Klas 100%']);
		expect(lagerL6.totals).toEqual({ classes: 2, campuses: 1, enrolled: 0, pupils: 0, waiting: 2 });
		const school = await run({ school: 'ATHENEUM zoë ' });
		expect(names(school)).toEqual(['1A', '2C']);
		expect(school.totals.pupils).toBe(48);
		expect(names(await run({ school: 'o' }))).toEqual(['1A', '2C', '5B', '6A', 'Klas 100%', '5A']);
		expect(names(await run({ school: 'onbekend' }))).toEqual([]);
	});

	it('finds a school by its instellingsnummer', async () => {
		const { s } = await overview();
		await ctx.db.updateTable('schools').set({ instellingsnummer: '031179' }).where('id', '=', s.schoolId).execute();
		expect(names(await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ school: ' 031179' })))).toEqual(['1A', '2C']);
	});

	it('shows new totals as soon as a class changes, however often the overview was viewed before', async () => {
		const { s } = await overview();
		const totals = async (raw: Record<string, string> = {}) => (await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf(raw))).totals;
		expect(await totals()).toEqual({ classes: 6, campuses: 3, enrolled: 4, pupils: 90, waiting: 2 });
		expect((await totals({ level: 'lager' })).enrolled).toBe(2);
		// 5B leaves: 6A, first on the waiting list, gets its place.
		await withdrawClass(ctx.db, s.coordinator, s.ids['5B']);
		expect(await totals()).toEqual({ classes: 5, campuses: 3, enrolled: 4, pupils: 20 + 20 + 28 + 12, waiting: 1 });
		expect((await totals({ level: 'lager' })).enrolled).toBe(2);
	});

	it('searches class, campus and school names, case-insensitively, with LIKE wildcards taken literally', async () => {
		const { s } = await overview();
		const search = async (q: string) => names(await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ q })));
		expect(await search('5b')).toEqual(['5B']);
		expect(await search('  NOORD ')).toEqual(['5A']);
		expect(await search('ZOË')).toEqual(['1A', '2C']);
		expect(await search('regenboog')).toEqual(['5B', '6A', 'Klas 100%']);
		expect(await search('%')).toEqual(['Klas 100%']);
		expect(await search('_')).toEqual([]);
		expect(await search('!')).toEqual([]);
		const totals = (await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ q: 'regenboog' }))).totals;
		expect(totals).toEqual({ classes: 3, campuses: 1, enrolled: 1, pupils: 22, waiting: 2 });
	});

	it('sorts on every column both ways, ties broken by id in the same direction', async () => {
		const { s } = await overview();
		const sorted = async (sort: string, dir = 'asc') => names(await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ sort, dir })));
		// 5A and 1A both have 20 pupils; 5A was enrolled first (lower id).
		expect(await sorted('pupils')).toEqual(['6A', 'Klas 100%', '5A', '1A', '5B', '2C']);
		expect(await sorted('pupils', 'desc')).toEqual(['2C', '5B', '1A', '5A', 'Klas 100%', '6A']);
		expect(await sorted('class')).toEqual(['1A', '2C', '5A', '5B', '6A', 'Klas 100%']);
		expect(await sorted('grade')).toEqual(['5A', '5B', '6A', 'Klas 100%', '1A', '2C']);
		expect(await sorted('status')).toEqual(['5A', '1A', '5B', '2C', '6A', 'Klas 100%']);
		expect(await sorted('enrolled', 'desc')).toEqual(['Klas 100%', '6A', '2C', '5B', '1A', '5A']);
		expect(await sorted('campus')).toEqual(['5B', '6A', 'Klas 100%', '5A', '1A', '2C']);
		expect(await sorted('school', 'desc')).toEqual(['5A', 'Klas 100%', '6A', '5B', '2C', '1A']);
	});

	it('pages 50 rows at a time in SQL, every row exactly once, a page past the end showing the last', async () => {
		const { s } = await overview();
		await insertManyClasses(ctx.db, s.editionId, s.campuses.noord, s.teacher.id, 60);
		const page = (n: number, sort = 'class') => enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ page: String(n), sort }));
		const [one, two] = [await page(1), await page(2)];
		expect([one.rows.length, two.rows.length, one.pages, one.totals.classes]).toEqual([overviewPageSize, 16, 2, 66]);
		const all = [...names(one), ...names(two)];
		expect(new Set(all).size).toBe(66);
		expect(all.slice(0, 3)).toEqual(['1A', '2C', '5A']);
		expect(all.at(-1)).toBe('Klas 100%');
		const past = await page(9);
		expect([past.page, names(past)]).toEqual([2, names(two)]);
		expect(past.filter.page).toBe(2);
	});

	it('pages a school or campus sort exactly like one sorted list, also where a campus straddles a page', async () => {
		const { s } = await overview();
		for (const [name, n] of [
			['Campus Aa', 23],
			['Campus Ab', 31],
			['Campus Ac', 4]
		] as const) {
			const campus = await createCampus(ctx.db, {
				name,
				schoolId: (await ctx.db.selectFrom('campuses').select('schoolId').where('id', '=', s.campuses.centrum).executeTakeFirstOrThrow()).schoolId
			});
			await insertManyClasses(ctx.db, s.editionId, campus.id, s.teacher.id, n, name.slice(-2));
		}
		for (const sort of ['school', 'campus'] as const) {
			for (const dir of ['asc', 'desc'] as const) {
				const where = classFilterOf(s.editionId, filterOf());
				const all = await pageIdsByCampus(ctx.db, where, { sort, dir, limit: 1000, offset: 0 });
				expect(new Set(all).size).toBe(64);
				const rows = await ctx.db
					.selectFrom('classes')
					.innerJoin('campuses', 'campuses.id', 'classes.campusId')
					.innerJoin('schools', 'schools.id', 'campuses.schoolId')
					.select(['classes.id', 'classes.nameKey', 'campuses.nameKey as campus', 'schools.nameKey as school'])
					.execute();
				const key = new Map(rows.map((r) => [r.id, sort === 'school' ? [r.school, r.campus, r.nameKey] : [r.campus, r.nameKey]]));
				const keys = all.map((id) => key.get(id)!.join('\u0000'));
				expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (dir === 'asc' ? 1 : -1)));
				for (const batchSize of [1, 2, 500])
					for (let offset = 0; offset < 64; offset += 7) {
						expect(await pageIdsByCampus(ctx.db, where, { sort, dir, limit: 10, offset, batchSize })).toEqual(all.slice(offset, offset + 10));
					}
			}
		}
		const page2 = await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ page: '2' }));
		expect(page2.rows.map((r) => textKey(r.campusName))).toContain('campus centrum');
	});

	it('groups the rows under their campus with its count, repeating the heading of a campus that straddles a page', async () => {
		const { s, o } = await overview();
		const heading = (g: { schoolName: string; campusName: string; count: number; size: number }) => [g.schoolName, g.campusName, g.count, g.size];
		expect(o.groups.map(heading)).toEqual(o.groups.map((g) => [o.rows[g.start].schoolName, o.rows[g.start].campusName, g.size, g.size]));
		expect(o.groups.reduce((n, g) => n + g.size, 0)).toBe(o.rows.length);
		expect(o.groups.every((g) => !g.continued)).toBe(true);
		// 60 more classes on one campus: the page break falls inside it.
		await insertManyClasses(ctx.db, s.editionId, s.campuses.noord, s.teacher.id, 60);
		const [one, two] = [
			await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf()),
			await enrolmentOverview(ctx.db, s.coordinator, s.editionId, filterOf({ page: '2' }))
		];
		const last = one.groups.at(-1)!;
		const first = two.groups[0];
		expect(first).toMatchObject({ campusId: last.campusId, continued: true, count: last.count });
		expect(last.size + first.size).toBe(last.count);
		expect(one.groups[0].continued).toBe(false);
	});

	it("offers as choices the edition's levels and grades; schools are searched, not listed", async () => {
		const { o } = await overview();
		expect(Object.keys(o.choices)).toEqual(['levels', 'grades']);
		expect(o.choices.levels).toEqual(['lager', 'secundair']);
		expect(o.choices.grades).toEqual(['L5', 'L6', 'S1', 'S2']);
	});

	it('is for coordinators only, and an unknown edition is not found', async () => {
		const s = await enrolmentScenario(ctx.db);
		expect(await errorOf(enrolmentOverview(ctx.db, s.teacher, s.editionId, filterOf()))).toBe('error_forbidden');
		expect(await errorOf(enrolmentOverview(ctx.db, s.coordinator, s.editionId + 999, filterOf()))).toBe('error_not_found');
	});
});
