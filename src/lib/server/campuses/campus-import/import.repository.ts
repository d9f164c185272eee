import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db';
import type { Level } from '../../db/schema';
import type { DbTime } from '../../db/time';
import type { CampusDetails } from '../campus.repository';

/**
 * Set-based SQL for the campus import: every function handles a whole batch
 * (multi-row inserts, `where in` lookups, one UPDATE with CASE per batch), never
 * one query per row.
 */
export const findSchoolsByNumbers = (db: Db, numbers: string[]) =>
	numbers.length
		? db.selectFrom('schools').select(['id', 'instellingsnummer', 'name', 'active']).where('instellingsnummer', 'in', numbers).execute()
		: Promise.resolve([]);

/** Active campuses of these schools whose key is one of these (a superset of the pairs asked for). */
export const findActiveCampusesByName = (db: Db, schoolIds: number[], nameKeys: string[]) =>
	schoolIds.length && nameKeys.length
		? db
				.selectFrom('campuses')
				.select(['id', 'schoolId', 'nameKey'])
				.where('schoolId', 'in', schoolIds)
				.where('nameKey', 'in', nameKeys)
				.where('active', '=', 1)
				.execute()
		: Promise.resolve([]);

export async function insertSchools(db: Db, rows: { name: string; nameKey: string; instellingsnummer: string }[], now: DbTime): Promise<void> {
	if (!rows.length) return;
	await db
		.insertInto('schools')
		.values(rows.map((r) => ({ ...r, organisationId: null, active: 1 as const, createdAt: now, updatedAt: now })))
		.execute();
}

/**
 * `case id when 1 then 'a' when 2 then 'b' else column end`: one UPDATE gives each
 * row its own value. The database tries the WHENs one by one for every row, so the
 * work grows with the square of the rows per statement: updates go 100 rows at a time.
 */
const rowsPerUpdate = 100;

function byId<T>(column: string, entries: [number, T][]): RawBuilder<T> {
	const whens = entries.map(([id, value]) => sql`when ${id} then ${value}`);
	return sql<T>`case ${sql.ref('id')} ${sql.join(whens, sql` `)} else ${sql.ref(column)} end`;
}

/** New names for existing schools; a deactivated school named in the file is active again. */
export async function renameSchools(db: Db, all: { id: number; name: string; nameKey: string }[], now: DbTime): Promise<void> {
	for (let i = 0; i < all.length; i += rowsPerUpdate) {
		const rows = all.slice(i, i + rowsPerUpdate);
		await db
			.updateTable('schools')
			.set({
				name: byId(
					'name',
					rows.map((r) => [r.id, r.name])
				),
				nameKey: byId(
					'nameKey',
					rows.map((r) => [r.id, r.nameKey])
				),
				active: 1,
				updatedAt: now
			})
			.where(
				'id',
				'in',
				rows.map((r) => r.id)
			)
			.execute();
	}
}

/** The columns an import row sets on a campus: the same as a coordinator's form. */
export type ImportedCampus = CampusDetails;

export async function insertCampuses(db: Db, rows: (ImportedCampus & { schoolId: number; inviteCode: string })[], now: DbTime): Promise<void> {
	if (!rows.length) return;
	await db
		.insertInto('campuses')
		.values(rows.map((r) => ({ ...r, active: 1 as const, createdAt: now, updatedAt: now })))
		.execute();
}

/**
 * Address and contact of existing campuses. An empty contact cell keeps what a
 * coordinator typed earlier: the official school list has no contact persons.
 */
export async function updateCampuses(db: Db, all: (ImportedCampus & { id: number })[], now: DbTime): Promise<void> {
	for (let i = 0; i < all.length; i += rowsPerUpdate) await updateCampusRows(db, all.slice(i, i + rowsPerUpdate), now);
}

async function updateCampusRows(db: Db, rows: (ImportedCampus & { id: number })[], now: DbTime): Promise<void> {
	const column = <K extends keyof ImportedCampus>(key: K) => {
		const entries = rows.filter((r) => r[key] !== null).map((r): [number, ImportedCampus[K]] => [r.id, r[key]]);
		return entries.length ? { [key]: byId(key, entries) } : {};
	};
	await db
		.updateTable('campuses')
		.set({
			...column('name'),
			...column('street'),
			...column('postalCode'),
			...column('city'),
			...column('contactName'),
			...column('contactEmail'),
			...column('contactPhone'),
			updatedAt: now
		})
		.where(
			'id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
}

/** Replaces the levels of the updated campuses and adds those of the new ones. */
export async function replaceLevels(db: Db, replacedCampusIds: number[], rows: { campusId: number; level: Level }[]): Promise<void> {
	if (replacedCampusIds.length) await db.deleteFrom('campusLevels').where('campusId', 'in', replacedCampusIds).execute();
	if (rows.length) await db.insertInto('campusLevels').values(rows).execute();
}
