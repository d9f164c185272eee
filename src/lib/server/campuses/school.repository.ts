import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import { containsText } from '../db/like';
import type { DbTime } from '../db/time';

/**
 * One page of active schools, searched on name or instellingsnummer, with the
 * number of active campuses counted in SQL (a grouped join, not a query per row).
 */
export async function listSchoolPage(db: Db, opts: { search?: string; limit: number; offset: number }) {
	let q = db.selectFrom('schools').where('schools.active', '=', 1);
	if (opts.search) {
		const search = opts.search;
		q = q.where((eb) => eb.or([containsText(eb.ref('schools.nameKey'), search), containsText(eb.ref('schools.instellingsnummer'), search)]));
	}
	const [rows, total] = await Promise.all([
		q
			.leftJoin('campuses', (join) => join.onRef('campuses.schoolId', '=', 'schools.id').on('campuses.active', '=', 1))
			.select(['schools.id', 'schools.name', 'schools.instellingsnummer', (eb) => eb.fn.count<number>('campuses.id').as('campusCount')])
			.groupBy(['schools.id', 'schools.name', 'schools.instellingsnummer', 'schools.nameKey'])
			.orderBy('schools.nameKey')
			.orderBy('schools.id')
			.limit(opts.limit)
			.offset(opts.offset)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { total: Number(total.n), rows: rows.map((r) => ({ ...r, campusCount: Number(r.campusCount) })) };
}

export const findSchoolById = (db: Db, id: number) => db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();

/** The school row, locked on MySQL while its campuses are changed with it. */
export const findSchoolForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('schools')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export const findSchoolByInstellingsnummer = (db: Db, instellingsnummer: string) =>
	db.selectFrom('schools').select(['id', 'name', 'active']).where('instellingsnummer', '=', instellingsnummer).executeTakeFirst();

export async function insertSchool(db: Db, row: { name: string; nameKey: string; instellingsnummer: string; now: DbTime }): Promise<number> {
	const { now, ...values } = row;
	const result = await db
		.insertInto('schools')
		.values({ ...values, organisationId: null, active: 1, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const updateSchool = (db: Db, id: number, row: { name: string; nameKey: string; instellingsnummer: string }, now: DbTime) =>
	db
		.updateTable('schools')
		.set({ ...row, updatedAt: now })
		.where('id', '=', id)
		.execute();

export const deactivateSchool = (db: Db, id: number, now: DbTime) =>
	db.updateTable('schools').set({ active: null, updatedAt: now }).where('id', '=', id).execute();

/** Active schools for a select: id and name only (a city has tens, Flanders a few thousand). */
export const listActiveSchoolOptions = (db: Db) =>
	db.selectFrom('schools').select(['id', 'name', 'instellingsnummer']).where('active', '=', 1).orderBy('nameKey').orderBy('id').execute();
