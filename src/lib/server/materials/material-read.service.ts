import type { Kysely } from 'kysely';
import { isCoordinator, requireCoordinator, type Actor } from '../auth/actor';
import type { Row } from '../db/rows';
import type { Database, Level } from '../db/schema';
import { clock, nowDb } from '../db/time';
import { NotFoundError } from '../errors';
import { brusselsDateOf } from '../../time/brussels';
import * as repo from './material.repository';
import { listParticipatingLevelsOfTeacher } from './participation.repository';

type Material = Row<'materials'>;
type Version = Row<'materialVersions'>;

export interface MaterialView extends Material {
	levels: Level[];
	/** The newest version (files only): what teachers get. */
	current: Version | null;
}

export interface CoordinatorMaterial extends MaterialView {
	downloads: number;
}

async function withLevelsAndVersions(db: Kysely<Database>, editionId: number, materials: Material[]): Promise<MaterialView[]> {
	const levels = await repo.listLevelsOfMaterials(
		db,
		materials.map((m) => m.id)
	);
	const versions = new Map((await repo.listNewestVersionsOfEdition(db, editionId)).map((v) => [v.materialId, { ...v, size: Number(v.size) }]));
	return materials.map((m) => ({ ...m, levels: levels.get(m.id) ?? [], current: versions.get(m.id) ?? null }));
}

/** All materials of an edition, retired ones too, with download counts per material and per campus. */
export async function listMaterialsForCoordinator(db: Kysely<Database>, actor: Actor, editionId: number) {
	requireCoordinator(actor);
	const materials = await withLevelsAndVersions(db, editionId, await repo.listMaterialsOfEdition(db, editionId, { includeRetired: true }));
	const totals = new Map((await repo.countDownloadsByMaterial(db, editionId)).map((r) => [r.materialId, Number(r.downloads)]));
	const byCampus = (await repo.countDownloadsByCampus(db, editionId)).map((r) => ({ ...r, downloads: Number(r.downloads) }));
	return {
		materials: materials.map((m): CoordinatorMaterial => ({ ...m, downloads: totals.get(m.id) ?? 0 })),
		downloadsByCampus: byCampus
	};
}

/** For each participating campus of the teacher, the levels of its classes in the edition. */
async function participation(db: Kysely<Database>, actor: Actor, editionId: number): Promise<Map<number, Set<Level>>> {
	const out = new Map<number, Set<Level>>();
	for (const row of await listParticipatingLevelsOfTeacher(db, actor.id, editionId)) {
		out.set(row.campusId, (out.get(row.campusId) ?? new Set()).add(row.level));
	}
	return out;
}

/** The first of the teacher's participating campuses whose classes fit one of the material's levels. */
function fittingCampus(campuses: Map<number, Set<Level>>, levels: Level[]): number | null {
	for (const [campusId, campusLevels] of campuses) if (levels.some((l) => campusLevels.has(l))) return campusId;
	return null;
}

/**
 * What a teacher sees: nothing unless a campus of theirs takes part (a class enrolled
 * or waiting); then the materials, not retired, that fit their classes' levels.
 */
export async function listMaterialsForTeacher(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number
): Promise<{ participating: boolean; materials: MaterialView[] }> {
	const campuses = await participation(db, actor, editionId);
	if (!campuses.size) return { participating: false, materials: [] };
	const all = await withLevelsAndVersions(db, editionId, await repo.listMaterialsOfEdition(db, editionId, { includeRetired: false }));
	const visible = all.filter((m) => fittingCampus(campuses, m.levels) !== null && (m.kind === 'link' || m.current));
	return { participating: true, materials: visible };
}

export type DownloadGrant = { kind: 'file'; materialId: number; version: Version } | { kind: 'link'; materialId: number; url: string };

function grantOf(material: Material, version: Version | undefined): DownloadGrant {
	if (material.kind === 'link' && material.url) return { kind: 'link', materialId: material.id, url: material.url };
	if (!version) throw new NotFoundError('mat_material_not_found');
	return { kind: 'file', materialId: material.id, version: { ...version, size: Number(version.size) } };
}

/**
 * Whether the actor may have a material, and which version to stream. Everything a
 * teacher may not see is the same 404 as an id that does not exist, so guessing ids
 * reveals nothing. A teacher's download counts once per material and Brussels day;
 * coordinators' previews are not counted.
 */
export async function authorizeDownload(db: Kysely<Database>, actor: Actor, materialId: number): Promise<DownloadGrant> {
	const material = await repo.findMaterialById(db, materialId);
	if (!material) throw new NotFoundError('mat_material_not_found');
	const version = material.kind === 'file' ? await repo.findNewestVersion(db, materialId) : undefined;
	if (isCoordinator(actor)) return grantOf(material, version);
	if (material.retiredAt || !actor.roles.includes('teacher')) throw new NotFoundError('mat_material_not_found');
	const levels = (await repo.listLevelsOfMaterials(db, [materialId])).get(materialId) ?? [];
	const campusId = fittingCampus(await participation(db, actor, material.editionId), levels);
	if (campusId === null) throw new NotFoundError('mat_material_not_found');
	const grant = grantOf(material, version);
	await repo.recordDownload(db, {
		materialId,
		versionId: version?.id ?? null,
		campusId,
		userId: actor.id,
		localDate: brusselsDateOf(clock.now()),
		createdAt: nowDb()
	});
	return grant;
}
