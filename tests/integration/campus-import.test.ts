import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmImport, importCampusRows, previewImport } from '../../src/lib/server/campuses/campus-import/import.service';
import { importDir, readImportFile, removeStaleImportFiles, storeImportFile } from '../../src/lib/server/campuses/campus-import/import-file-store';
import type { CampusRow } from '../../src/lib/server/campuses/campus-import/validate';
import { createCampus } from '../../src/lib/server/campuses/campus.service';
import { createSchool, deactivateSchool } from '../../src/lib/server/campuses/school.service';
import { resetConfigForTests } from '../../src/lib/server/config';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { count } from './support/fixtures';
import { coordinatorActor } from './support/enrolment-fixtures';

const header = 'instellingsnummer;school;campus;straat;postcode;gemeente;niveaus;contactpersoon;e-mail;telefoon';
const csvBytes = (...rows: string[]) => new TextEncoder().encode('\uFEFF' + [header, ...rows].join('\r\n') + '\r\n');
const row = (n: string, school: string, campus: string, extra = 'Markt 1;8500;Kortrijk;lager;;;') => `${n};${school};${campus};${extra}`;

const campusRow = (i: number, extra: Partial<CampusRow> = {}): CampusRow => ({
	instellingsnummer: String(100000 + Math.floor(i / 3)),
	school: `School ${Math.floor(i / 3)}`,
	campus: `Campus ${i}`,
	street: `Straat ${i}`,
	postalCode: '8500',
	city: 'Kortrijk',
	levels: i % 2 ? ['lager'] : ['kleuter', 'lager'],
	contactName: null,
	contactEmail: null,
	contactPhone: null,
	...extra
});

let dataDir: string;
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-import-'));
	process.env.DATA_DIR = dataDir;
	resetConfigForTests();
});
afterAll(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
	delete process.env.DATA_DIR;
	resetConfigForTests();
});

describeEachDatabase('campus import', (dialect) => {
	const ctx = useDatabase(dialect);
	const campuses = () =>
		ctx.db
			.selectFrom('campuses')
			.innerJoin('schools', 'schools.id', 'campuses.schoolId')
			.select([
				'campuses.id',
				'campuses.name',
				'campuses.street',
				'campuses.contactName',
				'campuses.inviteCode',
				'schools.name as school',
				'schools.instellingsnummer'
			])
			.orderBy('campuses.id')
			.execute();
	const levelsOf = async (campusId: number) =>
		(await ctx.db.selectFrom('campusLevels').select('level').where('campusId', '=', campusId).orderBy('level').execute()).map((r) => r.level);

	it('previews what a file will do, then creates schools and campuses with levels and codes, and audits the counts', async () => {
		const actor = await coordinatorActor(ctx.db);
		const existing = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		await createCampus(ctx.db, actor, {
			schoolId: existing,
			name: 'Campus Centrum',
			street: 'Oud 1',
			postalCode: '8500',
			city: 'Kortrijk',
			levels: ['kleuter'],
			contactName: 'Els',
			contactEmail: null,
			contactPhone: null
		});
		const fileId = await storeImportFile(
			csvBytes(
				row('126847', 'Sint-Jozefscollège', 'campus centrum', 'Nieuw 2;8500;Kortrijk;lager,secundair;;;'),
				row('126847', 'Sint-Jozefscollège', 'Campus Overleie'),
				row('200311', 'Basisschool Zoë', 'Campus Heule', 'Heulestraat 8;8501;Heule;kleuter,lager;Tom;tom@school.be;056 11 22 33')
			)
		);
		const preview = await previewImport(ctx.db, fileId, 1);
		expect(preview).toMatchObject({
			ok: true,
			counts: { rows: 3, schoolsCreated: 1, schoolsUpdated: 1, campusesCreated: 2, campusesUpdated: 1, problemRows: 0 }
		});
		if (!preview.ok) return;
		expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
			[2, 'update'],
			[3, 'create'],
			[4, 'create']
		]);
		expect(await count(ctx.db, 'campuses')).toBe(1);

		const outcome = await confirmImport(ctx.db, actor, fileId);
		expect(outcome).toEqual({ ok: true, counts: { rows: 3, schoolsCreated: 1, schoolsUpdated: 1, campusesCreated: 2, campusesUpdated: 1 } });
		const rows = await campuses();
		expect(rows.map((r) => [r.school, r.instellingsnummer, r.name, r.street, r.contactName])).toEqual([
			// Matched on the normalised name: the file's spelling and address win, an empty contact keeps the old one.
			['Sint-Jozefscollège', '126847', 'campus centrum', 'Nieuw 2', 'Els'],
			['Sint-Jozefscollège', '126847', 'Campus Overleie', 'Markt 1', null],
			['Basisschool Zoë', '200311', 'Campus Heule', 'Heulestraat 8', 'Tom']
		]);
		expect(await levelsOf(rows[0].id)).toEqual(['lager', 'secundair']);
		expect(await levelsOf(rows[2].id)).toEqual(['kleuter', 'lager']);
		expect(new Set(rows.map((r) => r.inviteCode)).size).toBe(3);
		const entry = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'campus.import').executeTakeFirstOrThrow();
		expect([entry.actorUserId, entry.entityId, JSON.parse(entry.afterJson!)]).toEqual([
			actor.id,
			fileId,
			{ rows: 3, schoolsCreated: 1, schoolsUpdated: 1, campusesCreated: 2, campusesUpdated: 1 }
		]);

		// The same file again changes nothing new: every campus now exists.
		expect(await confirmImport(ctx.db, actor, fileId)).toEqual({
			ok: true,
			counts: { rows: 3, schoolsCreated: 0, schoolsUpdated: 0, campusesCreated: 0, campusesUpdated: 3 }
		});
		expect(await count(ctx.db, 'campuses')).toBe(3);
	});

	it('writes nothing at all when the database refuses a row halfway through (all or nothing, across batches)', async () => {
		const actor = await coordinatorActor(ctx.db);
		const existing = await createSchool(ctx.db, actor, { name: 'Oude naam', instellingsnummer: '100000' });
		const rows = Array.from({ length: 1200 }, (_, i) => campusRow(i));
		// Row 900 (second batch of 500, after the first was written) passes no check of ours but breaks the NOT NULL on campuses.street at insert.
		rows[900] = campusRow(900, { street: null as unknown as string });
		await expect(importCampusRows(ctx.db, actor, rows, 'f'.repeat(64))).rejects.toThrow();
		expect(await count(ctx.db, 'schools')).toBe(1);
		expect(await ctx.db.selectFrom('schools').select('name').where('id', '=', existing).executeTakeFirstOrThrow()).toEqual({ name: 'Oude naam' });
		expect([await count(ctx.db, 'campuses'), await count(ctx.db, 'campusLevels')]).toEqual([0, 0]);
		expect(await ctx.db.selectFrom('auditLog').select('id').where('action', '=', 'campus.import').execute()).toEqual([]);
	});

	it('imports nothing while any row has a problem, and shows only the rows with problems', async () => {
		const actor = await coordinatorActor(ctx.db);
		const fileId = await storeImportFile(csvBytes(row('126847', 'Sint-Jozef', 'A'), row('12x', 'Sint-Jozef', 'B'), row('126847', 'Sint-Jozef', 'a ')));
		const preview = await previewImport(ctx.db, fileId, 1);
		expect(preview).toMatchObject({ ok: true, counts: { rows: 3, problemRows: 2 } });
		if (preview.ok)
			expect(preview.rows.map((r) => [r.row, r.problems.map((p) => p.code)])).toEqual([
				[3, ['instellingsnummer']],
				[4, ['duplicate']]
			]);
		expect(await confirmImport(ctx.db, actor, fileId)).toEqual({ ok: false, error: { code: 'has_problems', count: 2 } });
		expect(await count(ctx.db, 'schools')).toBe(0);
		expect(await confirmImport(ctx.db, actor, '0'.repeat(64))).toEqual({ ok: false, error: { code: 'expired' } });
	});

	it('makes a deactivated school active again when the file names its number', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		await deactivateSchool(ctx.db, actor, schoolId);
		const outcome = await importCampusRows(ctx.db, actor, [campusRow(0, { instellingsnummer: '126847', school: 'Sint-Jozef' })], 'a'.repeat(64));
		expect(outcome).toMatchObject({ schoolsCreated: 0, schoolsUpdated: 1, campusesCreated: 1 });
		expect(await ctx.db.selectFrom('schools').select('active').where('id', '=', schoolId).executeTakeFirstOrThrow()).toEqual({ active: 1 });
	});

	it('imports 10,000 rows in one transaction', async () => {
		const actor = await coordinatorActor(ctx.db);
		const rows = Array.from({ length: 10_000 }, (_, i) => campusRow(i));
		const started = performance.now();
		const counts = await importCampusRows(ctx.db, actor, rows, 'b'.repeat(64));
		const created = performance.now() - started;
		expect(counts).toEqual({ rows: 10_000, schoolsCreated: 3334, schoolsUpdated: 0, campusesCreated: 10_000, campusesUpdated: 0 });
		expect([await count(ctx.db, 'campuses'), await count(ctx.db, 'campusLevels')]).toEqual([10_000, 15_000]);
		const again = performance.now();
		const updated = await importCampusRows(
			ctx.db,
			actor,
			rows.map((r) => ({ ...r, street: r.street + 'a', levels: ['secundair'] })),
			'c'.repeat(64)
		);
		expect(updated).toMatchObject({ campusesCreated: 0, campusesUpdated: 10_000 });
		expect(await count(ctx.db, 'campusLevels')).toBe(10_000);
		// Reported, never asserted (DESIGN §5.16).
		console.info(`[${dialect}] 10,000-row campus import: create ${Math.round(created)} ms, update ${Math.round(performance.now() - again)} ms`);
	});
});

describe('import file store', () => {
	it('keeps a file under its SHA-256 for an hour, then forgets it and removes it on the next upload', async () => {
		const bytes = csvBytes(row('1', 'S', 'C'));
		const id = await storeImportFile(bytes);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(fs.existsSync(path.join(importDir(), `${id}.csv`))).toBe(true);
		expect(Buffer.from((await readImportFile(id))!).equals(Buffer.from(bytes))).toBe(true);
		const later = Date.now() + 61 * 60_000;
		expect(await readImportFile(id, later)).toBeNull();
		expect(await readImportFile('../../etc/passwd')).toBeNull();
		expect(await removeStaleImportFiles(later)).toBeGreaterThanOrEqual(1);
		expect(fs.existsSync(path.join(importDir(), `${id}.csv`))).toBe(false);
	});
});
