import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { fromDbTime } from '../db/time';
import { NotFoundError } from '../errors';
import { listMaterialsForCoordinator } from './material-read.service';
import { findMaterialEdition, listVersionsWithUploader } from './material.repository';
import { findEditionById } from '../campaigns/edition.repository';

/**
 * One material as its coordinator page shows it: texts, levels, every version (newest
 * first, with who uploaded it) and the downloads per campus.
 */
export async function materialDetailForCoordinator(db: Kysely<Database>, actor: Actor, materialId: number) {
	requireCoordinator(actor);
	const row = await findMaterialEdition(db, materialId);
	if (!row) throw new NotFoundError('mat_material_not_found');
	const { materials, downloadsByCampus } = await listMaterialsForCoordinator(db, actor, row.editionId);
	const material = materials.find((x) => x.id === materialId);
	if (!material) throw new NotFoundError('mat_material_not_found');
	const versions = (await listVersionsWithUploader(db, materialId)).map((v) => ({ ...v, size: Number(v.size), uploadedAt: fromDbTime(v.uploadedAt) }));
	const found = await findEditionById(db, row.editionId);
	if (!found) throw new NotFoundError('mat_material_not_found'); // a foreign key: never
	const edition = { id: found.id, name: found.name, status: found.status };
	return {
		material,
		edition,
		versions,
		downloadsByCampus: downloadsByCampus.filter((d) => d.materialId === materialId)
	};
}
