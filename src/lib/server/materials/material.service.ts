import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { findEditionById } from '../campaigns/edition.repository';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { fileStore, type FileStore } from '../storage';
import { discardUpload, type Upload } from '../storage/upload';
import { checkLinkUrl, checkMaterialTexts, type MaterialTexts } from './material-input';
import * as repo from './material.repository';

async function assertEditionOpenForMaterials(db: Db, editionId: number): Promise<void> {
	const edition = await findEditionById(db, editionId);
	if (!edition) throw new NotFoundError();
	if (edition.status === 'archived') throw new ValidationError('mat_edition_archived');
}

async function materialForChange(db: Db, materialId: number) {
	const material = await repo.findMaterialById(db, materialId);
	if (!material) throw new NotFoundError('mat_material_not_found');
	if (material.retiredAt) throw new ValidationError('mat_material_retired');
	return material;
}

/**
 * Moves a received upload into the store, then runs fn (callers discard the temporary
 * file in any case). A store write followed by a failed transaction leaves an
 * unreferenced, content-addressed file: harmless, and reused by the next upload of it.
 */
async function withStoredUpload<T>(upload: Upload, store: FileStore, fn: () => Promise<T>): Promise<T> {
	await store.put(upload.tempPath, { sha256: upload.sha256, size: upload.size });
	return fn();
}

const versionOf = (upload: Upload, actor: Actor, materialId: number, version: number) => ({
	materialId,
	version,
	sha256: upload.sha256,
	size: upload.size,
	contentType: upload.contentType,
	originalName: upload.fileName,
	uploadedBy: actor.id,
	uploadedAt: nowDb()
});

async function insertMaterialWithLevels(db: Db, actor: Actor, editionId: number, texts: MaterialTexts, link: { kind: 'file' | 'link'; url: string | null }) {
	const now = nowDb();
	const { levels, ...columns } = texts;
	const id = await repo.insertMaterial(db, { editionId, ...columns, ...link, retiredAt: null, createdBy: actor.id, createdAt: now, updatedAt: now });
	await repo.replaceMaterialLevels(db, id, levels);
	return id;
}

export async function addFileMaterial(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	input: MaterialTexts,
	upload: Upload,
	store = fileStore()
): Promise<number> {
	try {
		requireCoordinator(actor);
		const texts = checkMaterialTexts(input);
		await assertEditionOpenForMaterials(db, editionId);
		return await withStoredUpload(upload, store, () =>
			withTransaction(db, async (trx) => {
				const id = await insertMaterialWithLevels(trx, actor, editionId, texts, { kind: 'file', url: null });
				await repo.insertVersion(trx, versionOf(upload, actor, id, 1));
				await audit(trx, {
					actorId: actor.id,
					action: 'material.created',
					entityType: 'material',
					entityId: id,
					after: { ...texts, kind: 'file', sha256: upload.sha256, fileName: upload.fileName }
				});
				return id;
			})
		);
	} finally {
		await discardUpload(upload);
	}
}

export async function addLinkMaterial(db: Kysely<Database>, actor: Actor, editionId: number, input: MaterialTexts & { url: string }): Promise<number> {
	requireCoordinator(actor);
	const texts = checkMaterialTexts(input);
	const url = checkLinkUrl(input.url);
	return withTransaction(db, async (trx) => {
		await assertEditionOpenForMaterials(trx, editionId);
		const id = await insertMaterialWithLevels(trx, actor, editionId, texts, { kind: 'link', url });
		await audit(trx, { actorId: actor.id, action: 'material.created', entityType: 'material', entityId: id, after: { ...texts, kind: 'link', url } });
		return id;
	});
}

/** A new file for a material: a new version; earlier versions stay (and their downloads). */
export async function replaceMaterialFile(db: Kysely<Database>, actor: Actor, materialId: number, upload: Upload, store = fileStore()): Promise<number> {
	try {
		requireCoordinator(actor);
		const material = await materialForChange(db, materialId);
		if (material.kind !== 'file') throw new ValidationError('mat_not_a_file');
		return await withStoredUpload(upload, store, () =>
			withTransaction(db, async (trx) => {
				await materialForChange(trx, materialId); // locks the row on MySQL: versions are numbered one at a time
				const version = await repo.nextVersionNumber(trx, materialId);
				await repo.insertVersion(trx, versionOf(upload, actor, materialId, version));
				await repo.updateMaterial(trx, materialId, { updatedAt: nowDb() });
				await audit(trx, {
					actorId: actor.id,
					action: 'material.version_added',
					entityType: 'material',
					entityId: materialId,
					after: { version, sha256: upload.sha256, fileName: upload.fileName }
				});
				return version;
			})
		);
	} finally {
		await discardUpload(upload);
	}
}

/** Texts, levels, order (and a link's address); the file itself changes only by a new version. */
export async function updateMaterialDetails(db: Kysely<Database>, actor: Actor, materialId: number, input: MaterialTexts & { url?: string }): Promise<void> {
	requireCoordinator(actor);
	const texts = checkMaterialTexts(input);
	await withTransaction(db, async (trx) => {
		const before = await materialForChange(trx, materialId);
		const url = before.kind === 'link' ? checkLinkUrl(input.url) : null;
		const beforeLevels = (await repo.listLevelsOfMaterials(trx, [materialId])).get(materialId) ?? [];
		const { levels, ...columns } = texts;
		await repo.updateMaterial(trx, materialId, { ...columns, url, updatedAt: nowDb() });
		await repo.replaceMaterialLevels(trx, materialId, levels);
		const pick = ({ titleNl, titleEn, descriptionNl, descriptionEn, language, sortOrder, url }: typeof before) => ({
			titleNl,
			titleEn,
			descriptionNl,
			descriptionEn,
			language,
			sortOrder,
			url
		});
		await audit(trx, {
			actorId: actor.id,
			action: 'material.updated',
			entityType: 'material',
			entityId: materialId,
			before: { ...pick(before), levels: beforeLevels },
			after: { ...columns, url, levels }
		});
	});
}

/** Hidden from teachers from now on; versions and download history stay. */
export async function retireMaterial(db: Kysely<Database>, actor: Actor, materialId: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		await materialForChange(trx, materialId);
		const now = nowDb();
		await repo.updateMaterial(trx, materialId, { retiredAt: now, updatedAt: now });
		await audit(trx, { actorId: actor.id, action: 'material.retired', entityType: 'material', entityId: materialId, after: { retiredAt: now } });
	});
}
