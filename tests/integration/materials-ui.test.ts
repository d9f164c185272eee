import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedDemoMaterials } from '../../db/seeds/demo-materials';
import type { Database, Level } from '../../src/lib/server/db/schema';
import { textKey } from '../../src/lib/server/db/keys';
import { nowDb } from '../../src/lib/server/db/time';
import type { MaterialTexts } from '../../src/lib/server/materials/material-input';
import { authorizeDownload, listMaterialsForTeacher } from '../../src/lib/server/materials/material-read.service';
import { materialDetailForCoordinator } from '../../src/lib/server/materials/material-detail.service';
import { addFileMaterial, replaceMaterialFile } from '../../src/lib/server/materials/material.service';
import { teacherMaterials } from '../../src/lib/server/materials/teacher-materials.service';
import { useFileStore } from '../../src/lib/server/storage';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import { receiveUpload } from '../../src/lib/server/storage/upload';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
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

async function addClass(db: Kysely<Database>, editionId: number, campusId: number, enrolledBy: number, level: Level = 'lager') {
	const now = nowDb();
	const name = `${level}-${Math.random().toString(36).slice(2, 6)}`;
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
			status: 'enrolled',
			active: 1,
			queuedAt: now,
			enrolledBy,
			withdrawnAt: null,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

describeEachDatabase('materials pages (coordinator detail, teacher list, demo)', (dialect) => {
	const ctx = useDatabase(dialect);
	let root: string;
	let store: LocalFileStore;
	const upload = async (content: Buffer = minimalPdf(), name = 'Lesfiche.pdf') =>
		(await receiveUpload(multipartRequest({ name, content }), { tempDir: path.join(root, 'tmp') })).upload;

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-matui-'));
		store = new LocalFileStore(path.join(root, 'files'));
	});
	afterEach(() => {
		useFileStore();
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('gives the coordinator a material with its versions (newest first, uploader) and downloads per campus', async () => {
		const editionId = await createEdition(ctx.db);
		const coordinator = await coordinatorActor(ctx.db);
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		await addClass(ctx.db, editionId, lies.campusId, lies.actor.id);
		const id = await addFileMaterial(ctx.db, coordinator, editionId, texts(), await upload(minimalPdf('een'), 'een.pdf'), store);
		await replaceMaterialFile(ctx.db, coordinator, id, await upload(minimalPdf('twee'), 'twee.pdf'), store);
		await authorizeDownload(ctx.db, lies.actor, id);
		await authorizeDownload(ctx.db, lies.actor, id); // the same day: counts once

		const detail = await materialDetailForCoordinator(ctx.db, coordinator, id);
		expect(detail.material).toMatchObject({ id, titleNl: 'Lesfiche', levels: ['lager'], downloads: 1 });
		expect(detail.edition.id).toBe(editionId);
		expect(detail.versions.map((v) => [v.version, v.originalName, v.uploadedByName])).toEqual([
			[2, 'twee.pdf', 'Griet'],
			[1, 'een.pdf', 'Griet']
		]);
		expect(detail.versions[0].size).toBe(minimalPdf('twee').length);
		expect(detail.versions[0].uploadedAt).toBeInstanceOf(Date);
		expect(detail.downloadsByCampus).toEqual([expect.objectContaining({ campusId: lies.campusId, downloads: 1 })]);

		expect(await keyOf(materialDetailForCoordinator(ctx.db, lies.actor, id))).toBe('403 error_forbidden');
		expect(await keyOf(materialDetailForCoordinator(ctx.db, coordinator, id + 1000))).toBe('404 mat_material_not_found');
	});

	it('lists for a teacher only the published editions their campus takes part in', async () => {
		const published = await createEdition(ctx.db, { year: 2027 });
		const draft = await createEdition(ctx.db, { year: 2028, status: 'draft' });
		const other = await createEdition(ctx.db, { year: 2029 });
		const coordinator = await coordinatorActor(ctx.db);
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		await addClass(ctx.db, published, lies.campusId, lies.actor.id);
		await addClass(ctx.db, draft, lies.campusId, lies.actor.id);
		await addFileMaterial(ctx.db, coordinator, published, texts({ titleNl: 'Sam' }), await upload(), store);
		await addFileMaterial(ctx.db, coordinator, published, texts({ titleNl: 'Krant', levels: ['secundair'] }), await upload(), store);
		await addFileMaterial(ctx.db, coordinator, draft, texts({ titleNl: 'Ontwerp' }), await upload(), store);
		await addFileMaterial(ctx.db, coordinator, other, texts({ titleNl: 'Elders' }), await upload(), store);

		const seen = await teacherMaterials(ctx.db, lies.actor);
		expect(seen.map((e) => [e.edition.id, e.materials.map((x) => x.titleNl)])).toEqual([[published, ['Sam']]]);
		const an = await teacherAt(ctx.db, 'an@elders.be');
		expect(await teacherMaterials(ctx.db, an.actor)).toEqual([]);
	});

	it('seeds demo materials for the upcoming edition once, with their files in the store', async () => {
		const today = new Date('2026-11-26T10:00:00Z');
		freezeClock('2026-11-26T10:00:00Z');
		useFileStore(store);
		await seedDemo(ctx.db, { today });
		await seedDemoMaterials(ctx.db, { today });
		await seedDemoMaterials(ctx.db, { today });
		const rows = await ctx.db.selectFrom('materials').select(['id', 'kind', 'editionId']).execute();
		expect(rows.length).toBe(7);
		expect(rows.filter((r) => r.kind === 'link')).toHaveLength(1);
		const versions = await ctx.db.selectFrom('materialVersions').select('sha256').execute();
		expect(versions).toHaveLength(6);
		for (const v of versions) expect(await store.has(v.sha256)).toBe(true);

		// teacher@example.org (Campus Centrum, secondary classes) sees the secondary ones.
		const teacher = await ctx.db.selectFrom('users').select(['id', 'displayName']).where('email', '=', 'teacher@example.org').executeTakeFirstOrThrow();
		const seen = await listMaterialsForTeacher(ctx.db, { id: teacher.id, displayName: teacher.displayName, roles: ['teacher'] }, rows[0].editionId);
		expect(seen.participating).toBe(true);
		expect(seen.materials.map((x) => x.titleNl)).toContain('PAARS-krant');
	});
});
