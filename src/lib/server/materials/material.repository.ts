import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { NewRow, RowUpdate } from '../db/rows';
import type { Level } from '../db/schema';

export const findMaterialById = (db: Db, id: number) =>
	db
		.selectFrom('materials')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** The edition a material belongs to (undefined for an unknown id), without a lock. */
export const findMaterialEdition = (db: Db, id: number) => db.selectFrom('materials').select('editionId').where('id', '=', id).executeTakeFirst();

export async function insertMaterial(db: Db, values: NewRow<'materials'>): Promise<number> {
	const r = await db.insertInto('materials').values(values).executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export const updateMaterial = (db: Db, id: number, values: RowUpdate<'materials'>) => db.updateTable('materials').set(values).where('id', '=', id).execute();

export async function replaceMaterialLevels(db: Db, materialId: number, levels: readonly Level[]): Promise<void> {
	await db.deleteFrom('materialLevels').where('materialId', '=', materialId).execute();
	if (levels.length)
		await db
			.insertInto('materialLevels')
			.values(levels.map((level) => ({ materialId, level })))
			.execute();
}

export async function listLevelsOfMaterials(db: Db, materialIds: number[]): Promise<Map<number, Level[]>> {
	const out = new Map<number, Level[]>();
	if (!materialIds.length) return out;
	const rows = await db.selectFrom('materialLevels').select(['materialId', 'level']).where('materialId', 'in', materialIds).orderBy('level').execute();
	for (const r of rows) out.set(r.materialId, [...(out.get(r.materialId) ?? []), r.level]);
	return out;
}

export async function insertVersion(db: Db, values: NewRow<'materialVersions'>): Promise<number> {
	const r = await db.insertInto('materialVersions').values(values).executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export async function nextVersionNumber(db: Db, materialId: number): Promise<number> {
	const r = await db
		.selectFrom('materialVersions')
		.select((eb) => eb.fn.max('version').as('v'))
		.where('materialId', '=', materialId)
		.executeTakeFirst();
	return Number(r?.v ?? 0) + 1;
}

/** Every version of a material, newest first, with who uploaded it. */
export const listVersionsWithUploader = (db: Db, materialId: number) =>
	db
		.selectFrom('materialVersions as v')
		.innerJoin('users as u', 'u.id', 'v.uploadedBy')
		.select(['v.id', 'v.version', 'v.size', 'v.contentType', 'v.originalName', 'v.uploadedAt', 'u.displayName as uploadedByName'])
		.where('v.materialId', '=', materialId)
		.orderBy('v.version', 'desc')
		.execute();

/** The newest version of a material: the one teachers get. */
export const findNewestVersion = (db: Db, materialId: number) =>
	db.selectFrom('materialVersions').selectAll().where('materialId', '=', materialId).orderBy('version', 'desc').limit(1).executeTakeFirst();

export const listVersions = (db: Db, materialId: number) =>
	db.selectFrom('materialVersions').selectAll().where('materialId', '=', materialId).orderBy('version', 'desc').execute();

/** Newest version per material of an edition, in one query. */
export const listNewestVersionsOfEdition = (db: Db, editionId: number) =>
	db
		.selectFrom('materialVersions as v')
		.innerJoin('materials as m', 'm.id', 'v.materialId')
		.selectAll('v')
		.where('m.editionId', '=', editionId)
		.where('v.version', '=', (eb) =>
			eb
				.selectFrom('materialVersions as w')
				.select((e) => e.fn.max('w.version').as('mx'))
				.whereRef('w.materialId', '=', 'v.materialId')
		)
		.execute();

export const listMaterialsOfEdition = (db: Db, editionId: number, opts: { includeRetired: boolean }) =>
	db
		.selectFrom('materials')
		.selectAll()
		.where('editionId', '=', editionId)
		.$if(!opts.includeRetired, (q) => q.where('retiredAt', 'is', null))
		.orderBy('sortOrder')
		.orderBy('id')
		.execute();

/**
 * Counts a download once per person, material and day: the unique key decides, so
 * parallel range requests of one video cannot count twice. Only that key's clash is
 * ignored (not INSERT IGNORE, which on MySQL would also swallow a broken foreign key).
 */
export async function recordDownload(db: Db, values: NewRow<'materialDownloads'>): Promise<void> {
	await db
		.insertInto('materialDownloads')
		.values(values)
		.$if(isMysql(db), (q) => q.onDuplicateKeyUpdate({ materialId: (eb) => eb.ref('materialDownloads.materialId') }))
		.$if(!isMysql(db), (q) => q.onConflict((oc) => oc.columns(['materialId', 'userId', 'localDate']).doNothing()))
		.execute();
}

export const countDownloadsByMaterial = (db: Db, editionId: number) =>
	db
		.selectFrom('materialDownloads as d')
		.innerJoin('materials as m', 'm.id', 'd.materialId')
		.select(['d.materialId', (eb) => eb.fn.countAll().as('downloads')])
		.where('m.editionId', '=', editionId)
		.groupBy('d.materialId')
		.execute();

export const countDownloadsByCampus = (db: Db, editionId: number) =>
	db
		.selectFrom('materialDownloads as d')
		.innerJoin('materials as m', 'm.id', 'd.materialId')
		.innerJoin('campuses as c', 'c.id', 'd.campusId')
		.innerJoin('schools as s', 's.id', 'c.schoolId')
		.select(['d.materialId', 'd.campusId', 'c.name as campusName', 's.name as schoolName', (eb) => eb.fn.countAll().as('downloads')])
		.where('m.editionId', '=', editionId)
		.groupBy(['d.materialId', 'd.campusId', 'c.name', 's.name'])
		.orderBy('s.name')
		.orderBy('c.name')
		.execute();
