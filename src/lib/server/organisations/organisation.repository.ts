import type { Db } from '../db';
import type { Row } from '../db/rows';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';

export type OrganisationRow = Pick<Row<'organisations'>, 'name' | 'nameKey' | 'contactName' | 'contactEmail' | 'phone' | 'website'>;

const columns = ['id', 'name', 'kind', 'contactName', 'contactEmail', 'phone', 'website'] as const;

export const findOrganisation = (db: Db, id: number) => db.selectFrom('organisations').select(columns).where('id', '=', id).executeTakeFirst();

export const findOrganisationForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('organisations')
		.select(columns)
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export const findOrganisationByNameKey = (db: Db, nameKey: string, exceptId?: number) =>
	db
		.selectFrom('organisations')
		.select('id')
		.where('nameKey', '=', nameKey)
		.$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
		.executeTakeFirst();

export async function insertOrganisation(db: Db, row: OrganisationRow, now: DbTime): Promise<number> {
	const result = await db
		.insertInto('organisations')
		.values({ ...row, kind: 'expert', createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const updateOrganisation = (db: Db, id: number, row: OrganisationRow, now: DbTime) =>
	db
		.updateTable('organisations')
		.set({ ...row, updatedAt: now })
		.where('id', '=', id)
		.execute();

/** Trainers of the organisation (active accounts) per organisation: one grouped query. */
const trainerCounts = (db: Db) =>
	db
		.selectFrom('users')
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'trainer'))
		.where('users.organisationId', 'is not', null)
		.where('users.disabled', '=', 0);

export async function listOrganisationsWithCounts(db: Db) {
	const [rows, counts] = await Promise.all([
		db.selectFrom('organisations').select(columns).orderBy('nameKey').orderBy('id').execute(),
		trainerCounts(db)
			.select(['users.organisationId', (eb) => eb.fn.countAll<number>().as('trainers'), (eb) => eb.fn.sum<number>('users.planner').as('planners')])
			.groupBy('users.organisationId')
			.execute()
	]);
	const byId = new Map(counts.map((c) => [c.organisationId, c]));
	return rows.map((r) => ({ ...r, trainers: Number(byId.get(r.id)?.trainers ?? 0), planners: Number(byId.get(r.id)?.planners ?? 0) }));
}

/** The organisation's trainers (planners are trainers with the flag), by name. */
export const listTrainersOfOrganisation = (db: Db, organisationId: number) =>
	db
		.selectFrom('users')
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'trainer'))
		.select(['users.id', 'users.displayName', 'users.email', 'users.planner', 'users.disabled', 'users.passwordHash'])
		.where('users.organisationId', '=', organisationId)
		.orderBy('users.displayName')
		.orderBy('users.id')
		.execute();

export const countOrganisationRows = async (db: Db) =>
	Number(
		(
			await db
				.selectFrom('organisations')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

export const countTrainerRows = async (db: Db) =>
	Number(
		(
			await trainerCounts(db)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
