import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { downloadResponse } from '../../src/lib/server/http/download-response';
import { materialFileDownload } from '../../src/lib/server/materials/material-download';
import { authorizeDownload } from '../../src/lib/server/materials/material-read.service';
import { addFileMaterial, replaceMaterialFile, retireMaterial } from '../../src/lib/server/materials/material.service';
import { dashboardAttention, needsAttention } from '../../src/lib/server/reports/dashboard-attention.service';
import { useFileStore } from '../../src/lib/server/storage';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import { receiveUpload } from '../../src/lib/server/storage/upload';
import { forgetPublishedEditions } from '../../src/lib/server/campaigns/published-editions';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { coordinatorActor, createEdition, teacherAt, aClass } from './support/enrolment-fixtures';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { minimalPdf, multipartRequest } from './support/material-files';

/**
 * Issue 18 point 8: a material whose stored file is gone answers a clear 404
 * ("no longer available; the coordinator has been told"), not a 500, and the
 * coordinator's dashboard names it until the file is back or replaced.
 */
describeEachDatabase('a material whose stored file is missing', (dialect) => {
	const ctx = useDatabase(dialect);
	let root: string;
	let store: LocalFileStore;
	const upload = async (content = minimalPdf(), name = 'Lesfiche.pdf') =>
		(await receiveUpload(multipartRequest({ name, content }), { tempDir: path.join(root, 'tmp') })).upload;

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-missing-'));
		store = new LocalFileStore(path.join(root, 'files'));
		useFileStore(store);
		forgetPublishedEditions();
	});
	afterEach(() => {
		useFileStore();
		fs.rmSync(root, { recursive: true, force: true });
	});

	/** The download route's answer for a teacher, as the browser asks for it coming from the materials page. */
	async function download(teacher: Awaited<ReturnType<typeof teacherAt>>, materialId: number) {
		const url = new URL(`http://127.0.0.1/api/materials/${materialId}/download`);
		const request = new Request(url, { headers: { accept: 'text/html', referer: 'http://127.0.0.1/teacher/materials' } });
		const event = { request, url, locals: { db: ctx.db, user: teacher.actor } } as unknown as RequestEvent;
		return downloadResponse(event, async () => {
			const grant = await authorizeDownload(ctx.db, teacher.actor, materialId);
			if (grant.kind !== 'file') throw new Error('expected a file material');
			return materialFileDownload(ctx.db, grant);
		});
	}

	async function world() {
		const editionId = await createEdition(ctx.db);
		const coordinator = await coordinatorActor(ctx.db);
		const teacher = await teacherAt(ctx.db, 'lies@school.be');
		await enrolClass(ctx.db, teacher.actor, aClass(editionId, teacher.campusId, '5A'));
		/** A file material of the edition, and the SHA-256 of its stored file. */
		const addMaterial = async (titleNl: string, content = minimalPdf(titleNl)) => {
			const texts = {
				titleNl,
				titleEn: `${titleNl} (en)`,
				descriptionNl: null,
				descriptionEn: null,
				language: 'nl' as const,
				levels: ['lager' as const],
				sortOrder: 10
			};
			const materialId = await addFileMaterial(ctx.db, coordinator, editionId, texts, await upload(content), store);
			const grant = await authorizeDownload(ctx.db, teacher.actor, materialId);
			if (grant.kind !== 'file') throw new Error('expected a file material');
			return { materialId, sha256: grant.version.sha256 };
		};
		return { editionId, coordinator, teacher, addMaterial, ...(await addMaterial('Lesfiche')) };
	}

	it('answers 404 with a page that says so and leads back, and the dashboard names the material', async () => {
		const w = await world();
		expect((await download(w.teacher, w.materialId)).status).toBe(200);
		expect(needsAttention(await dashboardAttention(ctx.db, { queued: 0, failed: 0 }))).toBe(false);

		await store.remove(w.sha256);
		const answer = await download(w.teacher, w.materialId);
		expect(answer.status).toBe(404);
		const page = await answer.text();
		expect(page).toContain('Dit bestand is niet meer beschikbaar. De coördinator is verwittigd.');
		expect(page).toContain('<a href="/teacher/materials">');
		await download(w.teacher, w.materialId);

		const attention = await dashboardAttention(ctx.db, { queued: 0, failed: 0 });
		expect(attention.missingFiles).toEqual([{ id: w.materialId, titleNl: 'Lesfiche', titleEn: 'Lesfiche (en)', editionName: 'PAARS 2027', requests: 2 }]);
		expect(needsAttention(attention)).toBe(true);
	});

	it('stops naming the material once a new version replaces the file, or the same file is back', async () => {
		const w = await world();
		await store.remove(w.sha256);
		await download(w.teacher, w.materialId);
		await replaceMaterialFile(ctx.db, w.coordinator, w.materialId, await upload(minimalPdf('versie 2'), 'Lesfiche v2.pdf'), store);
		expect((await dashboardAttention(ctx.db, { queued: 0, failed: 0 })).missingFiles).toEqual([]);
		expect((await download(w.teacher, w.materialId)).status).toBe(200);

		// The same bytes uploaded again as a new version bring the file back: the note is forgotten.
		const other = await w.addMaterial('Werkblad');
		await store.remove(other.sha256);
		await download(w.teacher, other.materialId);
		expect((await dashboardAttention(ctx.db, { queued: 0, failed: 0 })).missingFiles.map((f) => f.titleNl)).toEqual(['Werkblad']);
		await replaceMaterialFile(ctx.db, w.coordinator, other.materialId, await upload(minimalPdf('Werkblad')), store);
		expect((await dashboardAttention(ctx.db, { queued: 0, failed: 0 })).missingFiles).toEqual([]);
		expect(await ctx.db.selectFrom('missingFiles').select('sha256').execute()).toEqual([]);
	});

	it('leaves a retired material out: nobody can ask for it any more', async () => {
		const w = await world();
		await store.remove(w.sha256);
		await download(w.teacher, w.materialId);
		await retireMaterial(ctx.db, w.coordinator, w.materialId);
		expect((await dashboardAttention(ctx.db, { queued: 0, failed: 0 })).missingFiles).toEqual([]);
	});
});
