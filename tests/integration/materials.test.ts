import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Database, Level } from '../../src/lib/server/db/schema';
import { textKey } from '../../src/lib/server/db/keys';
import { nowDb } from '../../src/lib/server/db/time';
import { withTransaction } from '../../src/lib/server/db/transaction';
import { copyMaterials } from '../../src/lib/server/materials/material-copy';
import type { MaterialTexts } from '../../src/lib/server/materials/material-input';
import { authorizeDownload, listMaterialsForCoordinator, listMaterialsForTeacher } from '../../src/lib/server/materials/material-read.service';
import { addFileMaterial, addLinkMaterial, replaceMaterialFile, retireMaterial, updateMaterialDetails } from '../../src/lib/server/materials/material.service';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import { receiveUpload } from '../../src/lib/server/storage/upload';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser } from './support/fixtures';
import { coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { minimalPdf, multipartRequest } from './support/material-files';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.status} ${e.messageKey}`
	);

const texts = (extra: Partial<MaterialTexts> = {}): MaterialTexts => ({
	titleNl: 'Lesfiche',
	titleEn: 'Lesson plan',
	descriptionNl: null,
	descriptionEn: null,
	language: 'nl',
	levels: ['lager'],
	sortOrder: 10,
	...extra
});

async function addClass(
	db: Kysely<Database>,
	editionId: number,
	campusId: number,
	enrolledBy: number,
	level: Level = 'lager',
	status: 'enrolled' | 'waiting' | 'withdrawn' = 'enrolled'
) {
	const now = nowDb();
	const name = `${level}-${status}-${Math.random().toString(36).slice(2, 6)}`;
	await db
		.insertInto('classes')
		.values({
			editionId,
			campusId,
			name,
			nameKey: textKey(name),
			grade: level === 'lager' ? 'L5' : 'S1',
			level,
			pupilCount: 20,
			language: 'nl',
			remarks: null,
			status,
			active: status === 'withdrawn' ? null : 1,
			queuedAt: now,
			enrolledBy,
			withdrawnAt: null,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

describeEachDatabase('digital materials', (dialect) => {
	const ctx = useDatabase(dialect);
	let root: string;
	let store: LocalFileStore;
	const tempDir = () => path.join(root, 'tmp');
	const upload = async (content: Buffer = minimalPdf(), name = 'Lesfiche – Zoë.pdf') =>
		(await receiveUpload(multipartRequest({ name, content }), { tempDir: tempDir() })).upload;
	const storedFiles = () => fs.readdirSync(path.join(root, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mat-'));
		store = new LocalFileStore(path.join(root, 'files'));
	});
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	async function world() {
		const editionId = await createEdition(ctx.db);
		const coordinator = await coordinatorActor(ctx.db);
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		await addClass(ctx.db, editionId, lies.campusId, lies.actor.id, 'lager');
		return { editionId, coordinator, lies };
	}

	it('adds a file material, keeps earlier versions on replacement and gives teachers the newest', async () => {
		const { editionId, coordinator, lies } = await world();
		const id = await addFileMaterial(ctx.db, coordinator, editionId, texts(), await upload(), store);
		const first = await authorizeDownload(ctx.db, lies.actor, id);
		expect(first).toMatchObject({ kind: 'file', version: { version: 1, originalName: 'Lesfiche – Zoë.pdf', contentType: 'application/pdf' } });
		const v2 = await replaceMaterialFile(ctx.db, coordinator, id, await upload(minimalPdf('versie 2'), 'Lesfiche v2.pdf'), store);
		expect(v2).toBe(2);
		const grant = await authorizeDownload(ctx.db, lies.actor, id);
		if (grant.kind !== 'file') throw new Error('expected a file');
		expect(grant.version).toMatchObject({ version: 2, originalName: 'Lesfiche v2.pdf', size: minimalPdf('versie 2').length });
		expect(await text(await store.openRead(grant.version.sha256))).toContain('versie 2');
		expect(await ctx.db.selectFrom('materialVersions').select('version').where('materialId', '=', id).orderBy('version').execute()).toEqual([
			{ version: 1 },
			{ version: 2 }
		]);
		expect(storedFiles()).toBe(2);
		expect(fs.readdirSync(tempDir())).toEqual([]);
		const actions = await ctx.db.selectFrom('auditLog').select('action').where('entityType', '=', 'material').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['material.created', 'material.version_added']);
	});

	it('stores a file uploaded twice once', async () => {
		const { editionId, coordinator } = await world();
		await addFileMaterial(ctx.db, coordinator, editionId, texts(), await upload(), store);
		await addFileMaterial(ctx.db, coordinator, editionId, texts({ titleNl: 'Kopie' }), await upload(minimalPdf(), 'kopie.pdf'), store);
		expect(storedFiles()).toBe(1);
		const shas = await ctx.db.selectFrom('materialVersions').select('sha256').distinct().execute();
		expect(shas).toHaveLength(1);
	});

	it('refuses bad input from coordinators and anything from teachers, leaving no rows and no temporary file', async () => {
		const { editionId, coordinator, lies } = await world();
		expect(await keyOf(addFileMaterial(ctx.db, coordinator, editionId, texts({ titleNl: '  ' }), await upload(), store))).toBe('400 mat_title_required');
		expect(await keyOf(addFileMaterial(ctx.db, coordinator, editionId, texts({ levels: [] }), await upload(), store))).toBe('400 mat_levels_required');
		expect(await keyOf(addFileMaterial(ctx.db, lies.actor, editionId, texts(), await upload(), store))).toBe('403 error_forbidden');
		expect(await keyOf(addLinkMaterial(ctx.db, coordinator, editionId, { ...texts(), url: 'javascript:alert(1)' }))).toBe('400 mat_url_invalid');
		expect(await ctx.db.selectFrom('materials').select('id').execute()).toEqual([]);
		expect(fs.readdirSync(tempDir())).toEqual([]);
		expect(fs.existsSync(path.join(root, 'files'))).toBe(false);
	});

	it("shows teachers only materials of their classes' levels, and nothing when their campus does not take part", async () => {
		const { editionId, coordinator, lies } = await world();
		const lager = await addFileMaterial(ctx.db, coordinator, editionId, texts({ titleNl: 'Sam', levels: ['lager'] }), await upload(), store);
		const secundair = await addFileMaterial(ctx.db, coordinator, editionId, texts({ titleNl: 'PAARS-krant', levels: ['secundair'] }), await upload(), store);
		const link = await addLinkMaterial(ctx.db, coordinator, editionId, {
			...texts({ titleNl: 'Video', levels: ['lager', 'secundair'] }),
			url: 'https://video.example.org/paars'
		});
		const seen = await listMaterialsForTeacher(ctx.db, lies.actor, editionId);
		expect(seen.participating).toBe(true);
		expect(seen.materials.map((m) => m.titleNl)).toEqual(['Sam', 'Video']);
		expect(await keyOf(authorizeDownload(ctx.db, lies.actor, secundair))).toBe('404 mat_material_not_found');
		expect(await authorizeDownload(ctx.db, lies.actor, link)).toEqual({ kind: 'link', materialId: link, url: 'https://video.example.org/paars' });

		// A campus with only a withdrawn class does not take part; neither does one with none.
		const an = await teacherAt(ctx.db, 'an@elders.be');
		await addClass(ctx.db, editionId, an.campusId, an.actor.id, 'lager', 'withdrawn');
		expect(await listMaterialsForTeacher(ctx.db, an.actor, editionId)).toEqual({ participating: false, materials: [] });
		expect(await keyOf(authorizeDownload(ctx.db, an.actor, lager))).toBe('404 mat_material_not_found');
		// A waiting class is enough.
		await addClass(ctx.db, editionId, an.campusId, an.actor.id, 'lager', 'waiting');
		expect(await keyOf(authorizeDownload(ctx.db, an.actor, lager))).toBe('ok');

		// Guessed ids and other roles get the same 404.
		expect(await keyOf(authorizeDownload(ctx.db, lies.actor, lager + 1000))).toBe('404 mat_material_not_found');
		const trainerId = await createUser(ctx.db, { email: 'tom@vorming.be', roles: ['trainer'], name: 'Tom' });
		const trainer: Actor = { id: trainerId, displayName: 'Tom', roles: ['trainer'] };
		expect(await keyOf(authorizeDownload(ctx.db, trainer, lager))).toBe('404 mat_material_not_found');
		expect(await keyOf(listMaterialsForCoordinator(ctx.db, lies.actor, editionId))).toBe('403 error_forbidden');
	});

	it("counts a person's downloads of one material once per Brussels day, per material and per campus", async () => {
		const move = freezeClock('2027-05-10T21:30:00Z'); // 23:30 in Brussels
		const { editionId, coordinator, lies } = await world();
		const id = await addFileMaterial(ctx.db, coordinator, editionId, texts(), await upload(), store);
		const sara = await teacherAt(ctx.db, 'sara@school.be', { id: lies.campusId });
		for (let i = 0; i < 3; i++) await authorizeDownload(ctx.db, lies.actor, id); // e.g. video range requests
		await Promise.all([authorizeDownload(ctx.db, sara.actor, id), authorizeDownload(ctx.db, sara.actor, id)]);
		await authorizeDownload(ctx.db, coordinator, id); // a preview, not counted
		move(60 * 60_000); // 00:30 the next day in Brussels
		await authorizeDownload(ctx.db, lies.actor, id);
		const { materials, downloadsByCampus } = await listMaterialsForCoordinator(ctx.db, coordinator, editionId);
		expect(materials[0].downloads).toBe(3);
		expect(downloadsByCampus).toEqual([{ materialId: id, campusId: lies.campusId, campusName: expect.any(String), schoolName: 'Testschool', downloads: 3 }]);
		const days = await ctx.db.selectFrom('materialDownloads').select('localDate').distinct().orderBy('localDate').execute();
		expect(days.map((d) => String(d.localDate).slice(0, 10))).toEqual(['2027-05-10', '2027-05-11']);
	});

	it('retires a material: hidden from teachers, history and versions kept, no more changes', async () => {
		const { editionId, coordinator, lies } = await world();
		const id = await addFileMaterial(ctx.db, coordinator, editionId, texts(), await upload(), store);
		await authorizeDownload(ctx.db, lies.actor, id);
		await retireMaterial(ctx.db, coordinator, id);
		expect((await listMaterialsForTeacher(ctx.db, lies.actor, editionId)).materials).toEqual([]);
		expect(await keyOf(authorizeDownload(ctx.db, lies.actor, id))).toBe('404 mat_material_not_found');
		const [listed] = (await listMaterialsForCoordinator(ctx.db, coordinator, editionId)).materials;
		expect(listed).toMatchObject({ id, downloads: 1, current: { version: 1 } });
		expect(listed.retiredAt).not.toBeNull();
		expect(await keyOf(replaceMaterialFile(ctx.db, coordinator, id, await upload(), store))).toBe('400 mat_material_retired');
		expect(fs.readdirSync(tempDir())).toEqual([]);
		const audit = await ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'material.retired').execute();
		expect(audit).toHaveLength(1);
	});

	it('edits texts, levels and order, with the change in the audit log', async () => {
		const { editionId, coordinator, lies } = await world();
		const id = await addFileMaterial(ctx.db, coordinator, editionId, texts({ levels: ['secundair'] }), await upload(), store);
		expect((await listMaterialsForTeacher(ctx.db, lies.actor, editionId)).materials).toEqual([]);
		await updateMaterialDetails(ctx.db, coordinator, id, texts({ titleNl: 'Lesfiche Sam', levels: ['lager', 'secundair'], sortOrder: 5 }));
		const [seen] = (await listMaterialsForTeacher(ctx.db, lies.actor, editionId)).materials;
		expect(seen).toMatchObject({ titleNl: 'Lesfiche Sam', sortOrder: 5, levels: ['lager', 'secundair'] });
		const entry = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'material.updated').executeTakeFirstOrThrow();
		expect(JSON.parse(entry.beforeJson!)).toMatchObject({ titleNl: 'Lesfiche', levels: ['secundair'] });
	});

	it('copies the materials that are not retired to a new edition, pointing to the same stored files', async () => {
		const { editionId, coordinator } = await world();
		const file = await addFileMaterial(ctx.db, coordinator, editionId, texts({ levels: ['lager', 'secundair'] }), await upload(), store);
		await replaceMaterialFile(ctx.db, coordinator, file, await upload(minimalPdf('v2'), 'v2.pdf'), store);
		await addLinkMaterial(ctx.db, coordinator, editionId, { ...texts({ titleNl: 'Video' }), url: 'https://video.example.org/paars' });
		const retired = await addFileMaterial(ctx.db, coordinator, editionId, texts({ titleNl: 'Oud' }), await upload(), store);
		await retireMaterial(ctx.db, coordinator, retired);
		const next = await createEdition(ctx.db, { year: 2028 });
		expect(await withTransaction(ctx.db, (trx) => copyMaterials(trx, editionId, next))).toBe(2);
		const copied = (await listMaterialsForCoordinator(ctx.db, coordinator, next)).materials;
		expect(copied.map((m) => [m.titleNl, m.kind, m.levels, m.current?.version ?? null, m.downloads])).toEqual([
			['Lesfiche', 'file', ['lager', 'secundair'], 1, 0],
			['Video', 'link', ['lager'], null, 0]
		]);
		const original = (await listMaterialsForCoordinator(ctx.db, coordinator, editionId)).materials.find((m) => m.id === file)!;
		expect(copied[0].current?.sha256).toBe(original.current?.sha256);
		expect(copied[0].current?.originalName).toBe('v2.pdf');
	});
});
