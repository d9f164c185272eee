import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { bundledMigrations, migrateToLatest } from '../../src/lib/server/db/migrate';
import { audit } from '../../src/lib/server/audit/audit';
import { auditCsv, auditExportChunk } from '../../src/lib/server/audit/audit-export';
import { auditPage } from '../../src/lib/server/audit/audit-view.service';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { createItem } from '../../src/lib/server/kits/catalogue.service';
import { parseAuditFilter, type AuditFilter } from '../../src/lib/schemas/audit-filter';
import { nowDb } from '../../src/lib/server/db/time';
import { requestDeletion, carryOutDeletion, openDeletionRequest } from '../../src/lib/server/privacy/deletion-request.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { aClass, createEdition } from './support/enrolment-fixtures';
import { wristbands } from './support/kit-fixtures';
import { addSlot, workshopWorld } from './support/workshop-fixtures';

const filter = (query: string): AuditFilter => parseAuditFilter(new URLSearchParams(query));
const page = (n = 1, limit = 50) => ({ page: n, limit, offset: (n - 1) * limit });

async function csvOf(chunks: AsyncGenerator<string, void>): Promise<string> {
	let text = '';
	for await (const chunk of chunks) text += chunk;
	return text;
}

describeEachDatabase('the coordinators’ audit view', (dialect) => {
	const ctx = useDatabase(dialect);

	/**
	 * A log over three Brussels days: enrolments at two campuses in two editions, a
	 * kit item, a slot, and one entry that carries what must never show (written the
	 * way a careless service would).
	 */
	async function world() {
		const move = freezeClock('2027-03-01T09:00:00Z');
		const w = await workshopWorld(ctx.db); // day 1: lies and tom enrol their classes
		move(86_400_000); // 2 March
		const older = await createEdition(ctx.db, { year: 2026 });
		const { classId: oldClass } = await enrolClass(ctx.db, w.noord.teacher, aClass(older, w.noord.campusId, '4A'));
		await createItem(ctx.db, w.coordinator, w.editionId, wristbands);
		move(86_400_000); // 3 March
		const slotId = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-04-21', '09:00', '10:40');
		await audit(ctx.db, {
			actorId: w.centrum.teacher.id,
			action: 'class.updated',
			entityType: 'class',
			entityId: w.centrum.classIds[0],
			before: { pupilCount: 22 },
			after: { pupilCount: 23, pupilNames: ['Jan Janssens'], remarks: 'Piet Pieters is nieuw', passwordHash: '$argon2id$geheim', token: 'tok-secret-value' }
		});
		return { ...w, older, oldClass, slotId };
	}

	it('shows every entry newest first, with a readable summary and never a secret or a pupil’s name', async () => {
		const w = await world();
		const result = await auditPage(ctx.db, w.coordinator, filter(''), page(), '(verborgen)');
		const total = Number(
			(
				await ctx.db
					.selectFrom('auditLog')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		expect(result.total).toBe(total);
		expect(result.rows.map((r) => r.id)).toEqual([...result.rows.map((r) => r.id)].sort((a, b) => b - a));
		const careless = result.rows[0];
		expect(careless).toMatchObject({ action: 'class.updated', actor: { name: 'lies', deleted: false }, campus: 'Campus Centrum', edition: 'PAARS 2027' });
		expect(careless.summary).toBe('pupilCount: 22 → 23; remarks: (verborgen)');
		const text = JSON.stringify(result);
		for (const secret of ['Jan Janssens', 'Piet Pieters', 'argon2id', 'tok-secret-value', 'pupilNames', 'passwordHash']) expect(text).not.toContain(secret);
	});

	it('records the campus and edition of entries about classes, slots and kit items', async () => {
		const w = await world();
		const scoped = await ctx.db
			.selectFrom('auditLog')
			.select(['action', 'entityType', 'campusId', 'editionId'])
			.where('entityType', 'in', ['class', 'workshop_slot', 'kit_item'])
			.execute();
		expect(scoped.find((e) => e.entityType === 'workshop_slot')).toMatchObject({ campusId: w.centrum.campusId, editionId: w.editionId });
		expect(scoped.find((e) => e.entityType === 'kit_item')).toMatchObject({ campusId: null, editionId: w.editionId });
		expect(scoped.filter((e) => e.entityType === 'class').every((e) => e.campusId !== null && e.editionId !== null)).toBe(true);
	});

	it('fills in the campus and edition of entries written before the audit view existed', async () => {
		const w = await world();
		const migrator = new Migrator({ db: ctx.db, provider: bundledMigrations() });
		const names = (await migrator.getMigrations()).map((m) => m.name);
		const before = names[names.findIndex((n) => n.startsWith('2026-12-05T1500')) - 1];
		expect((await migrator.migrateTo(before)).error).toBeUndefined();
		await migrateToLatest(ctx.db, bundledMigrations());
		const slot = await ctx.db.selectFrom('auditLog').select(['campusId', 'editionId']).where('entityType', '=', 'workshop_slot').executeTakeFirstOrThrow();
		expect(slot).toEqual({ campusId: w.centrum.campusId, editionId: w.editionId });
		const old = await ctx.db
			.selectFrom('auditLog')
			.select(['campusId', 'editionId'])
			.where('entityType', '=', 'class')
			.where('entityId', '=', String(w.oldClass))
			.executeTakeFirstOrThrow();
		expect(old).toEqual({ campusId: w.noord.campusId, editionId: w.older });
	});

	it('filters by person (by them or about their account), campus, edition, kind of action and Brussels days', async () => {
		const w = await world();
		const rowsFor = async (query: string) => (await auditPage(ctx.db, w.coordinator, filter(query), page(), '–')).rows;

		const tom = await rowsFor('person=TOM@school');
		expect(tom.length).toBeGreaterThan(0);
		expect(tom.every((r) => r.actor?.name === 'tom' || r.entity === `user #${w.noord.teacher.id}`)).toBe(true);

		const noord = await rowsFor('campus=noord');
		expect(noord.map((r) => r.campus)).toEqual(noord.map(() => 'Campus Noord'));
		expect(noord.length).toBe(3); // 6A, 6B and 4A of last year

		const lastYear = await rowsFor(`edition=${w.older}`);
		expect(lastYear.map((r) => r.entity)).toEqual([`class #${w.oldClass}`]);

		const kit = await rowsFor('kind=kit_item');
		expect(kit.map((r) => r.action)).toEqual(['kit_item.created']);
		// "class" is a namespace: it neither misses class.updated nor catches anything else.
		const classes = await rowsFor('kind=class');
		expect(classes.length).toBeGreaterThan(0);
		expect(classes.every((r) => r.action.startsWith('class.'))).toBe(true);

		const secondDay = await rowsFor('from=2027-03-02&to=2027-03-02');
		expect(secondDay.map((r) => r.action).sort()).toEqual(['class.enrolled', 'kit_item.created']);
		// Days typed backwards mean the same range.
		expect(await rowsFor('from=2027-03-03&to=2027-03-02')).toHaveLength((await rowsFor('from=2027-03-02&to=2027-03-03')).length);

		const combined = await rowsFor(`campus=centrum&kind=workshop&from=2027-03-03`);
		expect(combined.map((r) => r.entity)).toEqual([`workshop_slot #${w.slotId}`]);
		expect(await rowsFor('person=niemand-bekend')).toEqual([]);
		expect(await rowsFor('campus=bestaat-niet')).toEqual([]);
	});

	it('pages through the log, and refuses anyone but a coordinator', async () => {
		const w = await world();
		const first = await auditPage(ctx.db, w.coordinator, filter(''), page(1, 3), '–');
		const second = await auditPage(ctx.db, w.coordinator, filter(''), page(2, 3), '–');
		expect(first.rows).toHaveLength(3);
		expect(first.pages).toBe(Math.ceil(first.total / 3));
		expect(second.rows[0].id).toBeLessThan(first.rows[2].id);
		await expect(auditPage(ctx.db, w.centrum.teacher, filter(''), page(), '–')).rejects.toMatchObject({ status: 403 });
		expect(() => auditCsv(ctx.db, w.anna, filter(''), 'nl')).toThrow();
	});

	it('exports the same filtered rows as CSV, in chunks, without secrets', async () => {
		const w = await world();
		// More than one export chunk of entries about one class.
		const rows = Array.from({ length: auditExportChunk + 20 }, (_, i) => ({
			actorUserId: w.coordinator.id,
			action: 'class.prioritised',
			entityType: 'class',
			entityId: String(w.noord.classIds[0]),
			beforeJson: null,
			afterJson: JSON.stringify({ position: i, token: `secret-${i}` }),
			campusId: w.noord.campusId,
			editionId: w.editionId,
			createdAt: nowDb()
		}));
		for (let i = 0; i < rows.length; i += 100)
			await ctx.db
				.insertInto('auditLog')
				.values(rows.slice(i, i + 100))
				.execute();

		const csv = await csvOf(auditCsv(ctx.db, w.coordinator, filter('campus=noord&kind=class'), 'nl'));
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe('\uFEFFWanneer;Wie;Actie;Over;Campus;Editie;Details');
		const page1 = await auditPage(ctx.db, w.coordinator, filter('campus=noord&kind=class'), page(), '–');
		expect(lines.length - 1).toBe(page1.total);
		expect(page1.total).toBe(auditExportChunk + 20 + 3);
		expect(csv).not.toContain('secret-');
		expect(csv).toContain(';Griet;class.prioritised;');

		const all = await csvOf(auditCsv(ctx.db, w.coordinator, filter(''), 'en'));
		expect(all.split('\r\n')[0]).toBe('\uFEFFWhen;Who;Action;About;Campus;Edition;Details');
		for (const secret of ['Jan Janssens', 'Piet Pieters', 'argon2id', 'tok-secret-value']) expect(all).not.toContain(secret);
	});

	it('shows a deleted person as a deleted account, and finds nobody by their old name', async () => {
		const w = await world();
		await requestDeletion(ctx.db, w.noord.teacher.id, null);
		await carryOutDeletion(ctx.db, w.coordinator, (await openDeletionRequest(ctx.db, w.noord.teacher.id))!.id);
		const result = await auditPage(ctx.db, w.coordinator, filter('campus=noord'), page(), '–');
		expect(result.rows.every((r) => r.actor?.deleted)).toBe(true);
		expect((await auditPage(ctx.db, w.coordinator, filter('person=tom@school.be'), page(), '–')).rows).toEqual([]);
		const csv = await csvOf(auditCsv(ctx.db, w.coordinator, filter(''), 'nl'));
		expect(csv).not.toContain('tom@school.be');
		expect(csv).toContain('Verwijderd account');
	});
});
