import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { copyEdition, createEdition as createEditionService, transitionEdition, updateEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import { editionDetail, editionListPage } from '../../src/lib/server/campaigns/edition-pages.service';
import type { Database } from '../../src/lib/server/db/schema';
import { textKey } from '../../src/lib/server/db/keys';
import { nowDb } from '../../src/lib/server/db/time';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { editionSchema, type EditionInput } from '../../src/lib/schemas/edition';
import { seedDemo } from '../../db/seeds/demo';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, outboxFor } from './support/fixtures';
import { aClass, coordinatorActor, createEdition, statuses, teacherAt } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.messageKey}${e.field ? '@' + e.field : ''}`
	);

async function createCampaign(db: Kysely<Database>, name = 'PAARS'): Promise<number> {
	const now = nowDb();
	const r = await db
		.insertInto('campaigns')
		.values({ name, nameKey: textKey(name), descriptionNl: null, descriptionEn: null, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

/** The edition form as a coordinator fills it in, parsed by the same schema the page uses. */
const form = (campaignId: number, overrides: Record<string, unknown> = {}): EditionInput =>
	editionSchema.parse({
		campaignId: String(campaignId),
		year: '2028',
		name: 'PAARS 2028',
		descriptionNl: 'Gratis lesmateriaal en workshops.',
		descriptionEn: 'Free teaching material and workshops.',
		opensDate: '2027-11-15',
		opensTime: '09:00',
		closesDate: '2028-04-15',
		closesTime: '',
		workshopStartsOn: '2028-02-29',
		workshopEndsOn: '2028-06-07',
		grades: ['L5', 'L6', 'S1'],
		maxClasses: '40',
		maxClassesPerCampus: '8',
		...overrides
	});

async function detailOf(db: Kysely<Database>, editionId: number) {
	const detail = await editionDetail(db, editionId);
	if (!detail) throw new Error(`no edition ${editionId}`);
	return detail;
}

/** The edition page's own values, changed where the test says so. */
async function edited(db: Kysely<Database>, editionId: number, overrides: Record<string, unknown>): Promise<EditionInput> {
	const detail = await detailOf(db, editionId);
	return editionSchema.parse({ ...detail.values, grades: detail.grades, ...overrides });
}

const auditOf = (db: Kysely<Database>, editionId: number) =>
	db
		.selectFrom('auditLog')
		.select(['action', 'actorUserId', 'beforeJson', 'afterJson'])
		.where('entityType', '=', 'edition')
		.where('entityId', '=', String(editionId))
		.orderBy('id')
		.execute();

describeEachDatabase('campaign editions', (dialect) => {
	const ctx = useDatabase(dialect);

	it('creates a draft with its window in Belgian time, grades and quotas, and audits it', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const campaignId = await createCampaign(ctx.db);
		const id = await createEditionService(ctx.db, coordinator, form(campaignId));
		const row = await ctx.db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'draft', year: 2028, name: 'PAARS 2028', maxClasses: 40, maxClassesPerCampus: 8, copiedFromEditionId: null });
		// 09:00 in November is 08:00 UTC; 23:59 in April (summer time) is 21:59 UTC.
		expect(row.enrolmentOpensAt).toMatch(/^2027-11-15 08:00:00/);
		expect(row.enrolmentClosesAt).toMatch(/^2028-04-15 21:59:00/);
		const detail = await detailOf(ctx.db, id);
		expect(detail.grades.sort()).toEqual(['L5', 'L6', 'S1']);
		expect(detail.values).toMatchObject({ opensDate: '2027-11-15', opensTime: '09:00', closesTime: '23:59' });
		const [entry] = await auditOf(ctx.db, id);
		expect(entry).toMatchObject({ action: 'edition.created', actorUserId: coordinator.id, beforeJson: null });
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ year: 2028, status: 'draft', grades: ['L5', 'L6', 'S1'], maxClasses: 40 });
	});

	it('refuses an unknown campaign and a second edition of the same campaign and year, as field errors', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const campaignId = await createCampaign(ctx.db);
		expect(await keyOf(createEditionService(ctx.db, coordinator, form(campaignId + 99)))).toBe('ed_error_campaign_unknown@campaignId');
		await createEditionService(ctx.db, coordinator, form(campaignId));
		expect(await keyOf(createEditionService(ctx.db, coordinator, form(campaignId, { name: 'Nog eens' })))).toBe('ed_error_year_taken@year');
		const second = await createEditionService(ctx.db, coordinator, form(campaignId, { year: '2029', name: 'PAARS 2029' }));
		expect(await keyOf(updateEdition(ctx.db, coordinator, second, await edited(ctx.db, second, { year: '2028' })))).toBe('ed_error_year_taken@year');
		expect(await count(ctx.db, 'editions')).toBe(2);
		expect((await detailOf(ctx.db, second)).values.year).toBe('2029');
		// Another campaign may have its own 2028.
		const other = await createCampaign(ctx.db, 'Week van de Vriendschap');
		expect(await keyOf(createEditionService(ctx.db, coordinator, form(other)))).toBe('ok');
	});

	it('updates every setting, replaces the grades, and logs only what changed', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEditionService(ctx.db, coordinator, form(await createCampaign(ctx.db)));
		const result = await updateEdition(
			ctx.db,
			coordinator,
			id,
			await edited(ctx.db, id, { name: 'PAARS 2028 (Kortrijk)', grades: ['K3', 'BB'], descriptionEn: '', closesDate: '2028-04-20' })
		);
		expect(result).toEqual({ promoted: 0 });
		const detail = await detailOf(ctx.db, id);
		expect(detail.name).toBe('PAARS 2028 (Kortrijk)');
		expect(detail.grades.sort()).toEqual(['BB', 'K3']);
		expect(detail.values).toMatchObject({ descriptionEn: '', closesDate: '2028-04-20', closesTime: '23:59', maxClasses: '40' });
		const entry = (await auditOf(ctx.db, id)).find((a) => a.action === 'edition.updated')!;
		expect(Object.keys(JSON.parse(entry.beforeJson!)).sort()).toEqual(['descriptionEn', 'enrolmentClosesAt', 'grades', 'name']);
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ name: 'PAARS 2028 (Kortrijk)', descriptionEn: null, grades: ['K3', 'BB'] });
		// Saving without a change writes no entry.
		await updateEdition(ctx.db, coordinator, id, await edited(ctx.db, id, {}));
		expect((await auditOf(ctx.db, id)).filter((a) => a.action === 'edition.updated')).toHaveLength(1);
	});

	it('moves through draft, published and archived, and refuses every other step with a reason', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEditionService(ctx.db, coordinator, form(await createCampaign(ctx.db)));
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'archive'))).toBe('ed_error_archive_not_published');
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'unpublish'))).toBe('ed_error_unpublish_not_published');
		await transitionEdition(ctx.db, coordinator, id, 'publish');
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'publish'))).toBe('ed_error_already_published');
		await transitionEdition(ctx.db, coordinator, id, 'unpublish');
		await transitionEdition(ctx.db, coordinator, id, 'publish');
		await transitionEdition(ctx.db, coordinator, id, 'archive');
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'publish'))).toBe('ed_error_publish_archived');
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'unpublish'))).toBe('ed_error_unpublish_not_published');
		expect(await keyOf(transitionEdition(ctx.db, coordinator, id, 'archive'))).toBe('ed_error_already_archived');
		expect(await keyOf(updateEdition(ctx.db, coordinator, id, await edited(ctx.db, id, { name: 'Later' })))).toBe('ed_error_archived_readonly');
		const log = await auditOf(ctx.db, id);
		expect(log.map((a) => a.action)).toEqual(['edition.created', 'edition.published', 'edition.unpublished', 'edition.published', 'edition.archived']);
		expect(JSON.parse(log[4].beforeJson!)).toEqual({ status: 'published' });
		expect(JSON.parse(log[4].afterJson!)).toEqual({ status: 'archived' });
	});

	it('goes back to draft only while no class was ever enrolled, withdrawn ones included', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const t = await teacherAt(ctx.db, 'lies@school.be');
		const { classId } = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId));
		expect(await keyOf(transitionEdition(ctx.db, coordinator, editionId, 'unpublish'))).toBe('ed_error_unpublish_has_classes');
		await withdrawClass(ctx.db, t.actor, classId);
		expect(await keyOf(transitionEdition(ctx.db, coordinator, editionId, 'unpublish'))).toBe('ed_error_unpublish_has_classes');
		expect((await detailOf(ctx.db, editionId)).status).toBe('published');
	});

	it('makes the next edition from the previous one: settings copied, dates a year later, classes never', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const sourceId = await createEditionService(ctx.db, coordinator, form(await createCampaign(ctx.db), { year: '2027', name: 'PAARS 2027 Kortrijk' }));
		await transitionEdition(ctx.db, coordinator, sourceId, 'publish');
		const t = await teacherAt(ctx.db, 'lies@school.be');
		freezeClock('2028-01-10T10:00:00Z');
		await enrolClass(ctx.db, t.actor, aClass(sourceId, t.campusId));
		const copy = await copyEdition(ctx.db, coordinator, sourceId);
		expect(copy.name).toBe('PAARS 2028');
		const row = await ctx.db.selectFrom('editions').selectAll().where('id', '=', copy.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			year: 2028,
			status: 'draft',
			copiedFromEditionId: sourceId,
			descriptionNl: 'Gratis lesmateriaal en workshops.',
			descriptionEn: 'Free teaching material and workshops.',
			maxClasses: 40,
			maxClassesPerCampus: 8
		});
		const detail = await detailOf(ctx.db, copy.id);
		// Same day and Belgian time a year later; 29 February 2028 becomes 28 February 2029.
		expect(detail.values).toMatchObject({
			opensDate: '2028-11-15',
			opensTime: '09:00',
			closesDate: '2029-04-15',
			closesTime: '23:59',
			workshopStartsOn: '2029-02-28',
			workshopEndsOn: '2029-06-07'
		});
		expect(detail.grades.sort()).toEqual(['L5', 'L6', 'S1']);
		expect(detail.counts).toEqual({ enrolled: 0, waiting: 0, any: false });
		expect(await count(ctx.db, 'classes')).toBe(1);
		const [entry] = await auditOf(ctx.db, copy.id);
		expect(entry.action).toBe('edition.copied');
		expect(JSON.parse(entry.beforeJson!)).toEqual({ editionId: sourceId, name: 'PAARS 2027 Kortrijk' });
		// 2028 exists now: copying 2027 again is refused, and nothing is written.
		expect(await keyOf(copyEdition(ctx.db, coordinator, sourceId))).toBe('ed_error_copy_year_taken');
		expect(await count(ctx.db, 'editions')).toBe(2);
		// The copy of the copy is 2029.
		expect((await copyEdition(ctx.db, coordinator, copy.id)).name).toBe('PAARS 2029');
	});

	it('raising a quota in the edition form promotes waiting classes with a mail; lowering it demotes nobody', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 1 });
		const t = await teacherAt(ctx.db, 'lies@school.be');
		for (const name of ['5A', '5B', '5C']) await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, name));
		expect((await detailOf(ctx.db, editionId)).counts).toEqual({ enrolled: 1, waiting: 2, any: true });
		expect(await updateEdition(ctx.db, coordinator, editionId, await edited(ctx.db, editionId, { maxClasses: '2' }))).toEqual({ promoted: 1 });
		expect((await statuses(ctx.db, editionId)).map((c) => [c.name, c.status])).toEqual([
			['5A', 'enrolled'],
			['5B', 'enrolled'],
			['5C', 'waiting']
		]);
		expect((await outboxFor(ctx.db, 'lies@school.be'))[0].template).toBe('class_promoted');
		await updateEdition(ctx.db, coordinator, editionId, await edited(ctx.db, editionId, { maxClasses: '1' }));
		expect((await statuses(ctx.db, editionId)).map((c) => c.status)).toEqual(['enrolled', 'enrolled', 'waiting']);
		const actions = (await auditOf(ctx.db, editionId)).map((a) => a.action);
		expect(actions).toEqual(['edition.quotas.changed', 'edition.updated', 'edition.quotas.changed', 'edition.updated']);
		// An empty maximum means none: the last waiting class gets its place.
		expect(await updateEdition(ctx.db, coordinator, editionId, await edited(ctx.db, editionId, { maxClasses: '' }))).toEqual({ promoted: 1 });
	});

	it('lists editions newest first with their phase and class counts', async () => {
		freezeClock('2027-02-01T10:00:00Z');
		const coordinator = await coordinatorActor(ctx.db);
		const current = await createEdition(ctx.db, { maxClasses: 1, opens: '2027-01-01 00:00:00.000', closes: '2027-04-01 00:00:00.000' });
		const old = await createEdition(ctx.db, { year: 2026, status: 'archived' });
		const t = await teacherAt(ctx.db, 'lies@school.be');
		for (const name of ['5A', '5B', '5C']) await enrolClass(ctx.db, t.actor, aClass(current, t.campusId, name));
		const next = await copyEdition(ctx.db, coordinator, current);
		const list = await editionListPage(ctx.db, { page: 1, limit: 25, offset: 0 });
		expect(list.total).toBe(3);
		expect(list.rows.map((r) => [r.id, r.status, r.phase, r.enrolled, r.waiting])).toEqual([
			[next.id, 'draft', 'draft', 0, 0],
			[current, 'published', 'open', 1, 2],
			[old, 'archived', 'archived', 0, 0]
		]);
	});

	it('lets only coordinators manage editions', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const campaignId = await createCampaign(ctx.db);
		const id = await createEditionService(ctx.db, coordinator, form(campaignId));
		const { actor: teacher } = await teacherAt(ctx.db, 'lies@school.be');
		const trainer = { id: teacher.id, displayName: 'Robin', roles: ['trainer' as const] };
		for (const actor of [teacher, trainer]) {
			expect(await keyOf(createEditionService(ctx.db, actor, form(campaignId, { year: '2030' })))).toBe('error_forbidden');
			expect(await keyOf(updateEdition(ctx.db, actor, id, await edited(ctx.db, id, { name: 'Gekaapt' })))).toBe('error_forbidden');
			expect(await keyOf(transitionEdition(ctx.db, actor, id, 'publish'))).toBe('error_forbidden');
			expect(await keyOf(copyEdition(ctx.db, actor, id))).toBe('error_forbidden');
		}
		expect(await count(ctx.db, 'editions')).toBe(1);
		expect(await detailOf(ctx.db, id)).toMatchObject({ name: 'PAARS 2028', status: 'draft' });
		expect((await auditOf(ctx.db, id)).map((a) => a.action)).toEqual(['edition.created']);
	});

	it('seeds the demo editions with the campaign text, grades and quotas, once', async () => {
		freezeClock('2026-11-26T10:00:00Z');
		await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
		await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
		const list = await editionListPage(ctx.db, { page: 1, limit: 25, offset: 0 });
		expect(list.rows.map((r) => [r.name, r.status])).toEqual([
			['PAARS 2027', 'published'],
			['PAARS 2026', 'archived']
		]);
		for (const row of list.rows) {
			const detail = await detailOf(ctx.db, row.id);
			expect(detail.grades).toHaveLength(16);
			expect(detail.grades).toEqual(expect.arrayContaining(['K3', 'L1', 'L6', 'S1', 'S7', 'BB', 'BS']));
			expect(detail.values.descriptionNl).toMatch(/^PAARS is de Vlaamse campagne/);
			expect(detail.values.descriptionEn).toMatch(/^PAARS is the Flemish campaign/);
		}
		expect([(await detailOf(ctx.db, list.rows[0].id)).values.maxClasses, (await detailOf(ctx.db, list.rows[0].id)).values.maxClassesPerCampus]).toEqual([
			'40',
			'8'
		]);
	});
});
