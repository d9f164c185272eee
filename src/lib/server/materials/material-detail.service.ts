import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { fromDbTime } from '../db/time';
import { NotFoundError } from '../errors';
import { listMaterialsForCoordinator } from './material-read.service';

/**
 * One material as its coordinator page shows it: texts, levels, every version (newest
 * first, with who uploaded it) and the downloads per campus.
 */
export async function materialDetailForCoordinator(db: Kysely<Database>, actor: Actor, materialId: number) {
	requireCoordinator(actor);
	const row = await db.selectFrom('materials').select('editionId').where('id', '=', materialId).executeTakeFirst();
	if (!row) throw new NotFoundError('mat_material_not_found');
	const { materials, downloadsByCampus } = await listMaterialsForCoordinator(db, actor, row.editionId);
	const material = materials.find((x) => x.id === materialId);
	if (!material) throw new NotFoundError('mat_material_not_found');
	const versions = (
		await db
			.selectFrom('materialVersions as v')
			.innerJoin('users as u', 'u.id', 'v.uploadedBy')
			.select(['v.id', 'v.version', 'v.size', 'v.contentType', 'v.originalName', 'v.uploadedAt', 'u.displayName as uploadedByName'])
			.where('v.materialId', '=', materialId)
			.orderBy('v.version', 'desc')
			.execute()
	).map((v) => ({ ...v, size: Number(v.size), uploadedAt: fromDbTime(v.uploadedAt) }));
	const edition = await db.selectFrom('editions').select(['id', 'name', 'status']).where('id', '=', row.editionId).executeTakeFirstOrThrow();
	return {
		material,
		edition,
		versions,
		downloadsByCampus: downloadsByCampus.filter((d) => d.materialId === materialId)
	};
}
