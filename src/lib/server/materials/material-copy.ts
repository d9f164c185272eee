import type { Db } from '../db';
import { nowDb } from '../db/time';
import * as repo from './material.repository';

/**
 * "New edition from the previous one": copies the materials that are not retired,
 * with their levels and order. A file material starts the new edition at version 1,
 * pointing to the same stored file (sha256) as the newest version of the original;
 * download counts start at zero. Call inside the caller's transaction.
 */
export async function copyMaterials(trx: Db, fromEditionId: number, toEditionId: number): Promise<number> {
	const materials = await repo.listMaterialsOfEdition(trx, fromEditionId, { includeRetired: false });
	const levels = await repo.listLevelsOfMaterials(
		trx,
		materials.map((m) => m.id)
	);
	const versions = new Map((await repo.listNewestVersionsOfEdition(trx, fromEditionId)).map((v) => [v.materialId, v]));
	const now = nowDb();
	let copied = 0;
	for (const { id, editionId: _, ...columns } of materials) {
		const version = versions.get(id);
		if (columns.kind === 'file' && !version) continue;
		const newId = await repo.insertMaterial(trx, { ...columns, editionId: toEditionId, createdAt: now, updatedAt: now });
		await repo.replaceMaterialLevels(trx, newId, levels.get(id) ?? []);
		if (version) {
			const { id: _versionId, materialId: _materialId, ...rest } = version;
			await repo.insertVersion(trx, { ...rest, materialId: newId, version: 1 });
		}
		copied++;
	}
	return copied;
}
