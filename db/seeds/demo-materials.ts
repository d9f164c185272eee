import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, Level } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { toDbTime } from '../../src/lib/server/db/time';
import * as repo from '../../src/lib/server/materials/material.repository';
import { fileStore, uploadTempDir } from '../../src/lib/server/storage';
import { nextIdahotYear } from './idahot';
import * as data from './demo-data';

/** A tiny valid PDF made in code: no copyrighted content. */
function demoPdf(text: string): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
		'latin1'
	);
}

interface DemoMaterial {
	titleNl: string;
	titleEn: string;
	descriptionNl: string;
	descriptionEn: string;
	levels: Level[];
	fileName?: string;
	url?: string;
}

const materials: DemoMaterial[] = [
	{
		titleNl: 'Lesfiche kleuters',
		titleEn: 'Lesson plan for pre-school',
		descriptionNl: 'Een lesfiche over diversiteit voor kleuters.',
		descriptionEn: 'A lesson plan about diversity for pre-school.',
		levels: ['kleuter', 'buitengewoon_basis'],
		fileName: 'Lesfiche kleuters.pdf'
	},
	{
		titleNl: 'Boekje Sam',
		titleEn: 'Sam booklet',
		descriptionNl: 'Het voorleesboekje "Sam" voor de lagere school.',
		descriptionEn: 'The "Sam" read-aloud booklet for primary schools.',
		levels: ['lager', 'buitengewoon_basis'],
		fileName: 'Boekje Sam.pdf'
	},
	{
		titleNl: 'Boekje Lily',
		titleEn: 'Lily booklet',
		descriptionNl: 'Het boekje "Lily" voor de lagere school.',
		descriptionEn: 'The "Lily" booklet for primary schools.',
		levels: ['lager'],
		fileName: 'Boekje Lily.pdf'
	},
	{
		titleNl: 'Lesfiche lager onderwijs',
		titleEn: 'Lesson plan for primary',
		descriptionNl: 'Lesfiche bij de workshop.',
		descriptionEn: 'Lesson plan for the workshop.',
		levels: ['lager'],
		fileName: 'Lesfiche lager – Zoë.pdf'
	},
	{
		titleNl: 'PAARS-krant',
		titleEn: 'PAARS newspaper',
		descriptionNl: 'De PAARS-krant voor het secundair onderwijs.',
		descriptionEn: 'The PAARS newspaper for secondary schools.',
		levels: ['secundair', 'buitengewoon_secundair'],
		fileName: 'PAARS-krant.pdf'
	},
	{
		titleNl: 'Lesfiche secundair onderwijs',
		titleEn: 'Lesson plan for secondary',
		descriptionNl: 'Lesfiche bij de workshop, met gespreksvragen.',
		descriptionEn: 'Lesson plan for the workshop, with discussion questions.',
		levels: ['secundair', 'hoger'],
		fileName: 'Lesfiche secundair.pdf'
	},
	{
		titleNl: 'Video: wat is PAARS?',
		titleEn: 'Video: what is PAARS?',
		descriptionNl: 'Een korte video om de workshop in te leiden.',
		descriptionEn: 'A short video to introduce the workshop.',
		levels: ['lager', 'secundair', 'hoger'],
		url: 'https://www.example.org/paars/video'
	}
];

async function storeDemoPdf(text: string): Promise<{ sha256: string; size: number }> {
	const content = demoPdf(text);
	const dir = uploadTempDir();
	await mkdir(dir, { recursive: true });
	const temp = path.join(dir, `demo-${randomUUID()}`);
	await writeFile(temp, content);
	const sha256 = createHash('sha256').update(content).digest('hex');
	return fileStore().put(temp, { sha256, size: content.length });
}

/**
 * Digital materials of the upcoming PAARS edition: a few small PDFs per level (stored
 * through the file store) and one video link. Idempotent: a material is looked up by its
 * Dutch title in the edition first.
 */
export async function seedDemoMaterials(db: Kysely<Database>, opts: { today: Date }): Promise<void> {
	const now = toDbTime(opts.today);
	const campaign = await db.selectFrom('campaigns').select('id').where('nameKey', '=', textKey(data.campaign.name)).executeTakeFirst();
	if (!campaign) return;
	const edition = await db
		.selectFrom('editions')
		.select('id')
		.where('campaignId', '=', campaign.id)
		.where('year', '=', nextIdahotYear(opts.today))
		.executeTakeFirst();
	const coordinator = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey('coordinator@example.org')).executeTakeFirst();
	if (!edition || !coordinator) return;
	for (const [index, mat] of materials.entries()) {
		const found = await db.selectFrom('materials').select('id').where('editionId', '=', edition.id).where('titleNl', '=', mat.titleNl).executeTakeFirst();
		if (found) continue;
		const id = await repo.insertMaterial(db, {
			editionId: edition.id,
			kind: mat.url ? 'link' : 'file',
			titleNl: mat.titleNl,
			titleEn: mat.titleEn,
			descriptionNl: mat.descriptionNl,
			descriptionEn: mat.descriptionEn,
			language: 'nl',
			sortOrder: (index + 1) * 10,
			url: mat.url ?? null,
			retiredAt: null,
			createdBy: coordinator.id,
			createdAt: now,
			updatedAt: now
		});
		await repo.replaceMaterialLevels(db, id, mat.levels);
		if (mat.fileName) {
			const stored = await storeDemoPdf(mat.titleNl);
			await repo.insertVersion(db, {
				materialId: id,
				version: 1,
				sha256: stored.sha256,
				size: stored.size,
				contentType: 'application/pdf',
				originalName: mat.fileName,
				uploadedBy: coordinator.id,
				uploadedAt: now
			});
		}
	}
}
