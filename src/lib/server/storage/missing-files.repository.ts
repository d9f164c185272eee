import type { Db } from '../db/index';
import { isUniqueViolation } from '../db/errors';
import type { DbTime } from '../db/time';

/**
 * Notes that a stored file was asked for and is not there: a new row, or one
 * more request on the row that is there already. Two downloads at once may both
 * try the insert; the loser counts on the winner's row.
 */
export async function noteMissingFile(db: Db, sha256: string, now: DbTime): Promise<void> {
	const counted = await db
		.updateTable('missingFiles')
		.set((eb) => ({ lastNoticedAt: now, requests: eb('requests', '+', 1) }))
		.where('sha256', '=', sha256)
		.executeTakeFirst();
	if (Number(counted.numUpdatedRows) > 0) return;
	try {
		await db.insertInto('missingFiles').values({ sha256, firstNoticedAt: now, lastNoticedAt: now, requests: 1 }).execute();
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		await noteMissingFile(db, sha256, now);
	}
}

/** Every file noted missing (few: a handful after a bad restore, usually none). */
export const listMissingFileKeys = async (db: Db): Promise<string[]> => (await db.selectFrom('missingFiles').select('sha256').execute()).map((r) => r.sha256);

export async function forgetMissingFiles(db: Db, keys: string[]): Promise<void> {
	if (keys.length) await db.deleteFrom('missingFiles').where('sha256', 'in', keys).execute();
}

/**
 * The materials still in use whose newest version is a file noted missing, with
 * their edition: what the coordinator can mend by uploading that version again.
 */
export function listMaterialsWithMissingFile(db: Db) {
	return db
		.selectFrom('missingFiles')
		.innerJoin('materialVersions', 'materialVersions.sha256', 'missingFiles.sha256')
		.innerJoin('materials', 'materials.id', 'materialVersions.materialId')
		.innerJoin('editions', 'editions.id', 'materials.editionId')
		.select([
			'materials.id',
			'materials.titleNl',
			'materials.titleEn',
			'editions.name as editionName',
			'missingFiles.sha256',
			'missingFiles.requests',
			'missingFiles.firstNoticedAt'
		])
		.where('materials.retiredAt', 'is', null)
		.where('editions.status', '!=', 'archived')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('materialVersions as newer')
						.select('newer.id')
						.whereRef('newer.materialId', '=', 'materialVersions.materialId')
						.whereRef('newer.version', '>', 'materialVersions.version')
				)
			)
		)
		.orderBy('missingFiles.firstNoticedAt')
		.orderBy('materials.id')
		.execute();
}
