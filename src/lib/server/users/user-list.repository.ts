import type { Db } from '../db';
import type { Role } from '../db/schema';

export interface UserListFilter {
	search?: string;
	role?: Role;
	limit: number;
	offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** One page of accounts with their roles and organisation: two queries, never one per row. */
export async function listUserPage(db: Db, f: UserListFilter) {
	// Anonymised accounts (deleted on request) are placeholders, not people.
	let q = db.selectFrom('users').leftJoin('organisations', 'organisations.id', 'users.organisationId').where('users.anonymisedAt', 'is', null);
	if (f.search) {
		const like = `%${escapeLike(f.search.toLowerCase())}%`;
		q = q.where((eb) => eb.or([eb('users.emailKey', 'like', like), eb(eb.fn('lower', ['users.displayName']), 'like', like)]));
	}
	if (f.role) {
		const role = f.role;
		q = q.where((eb) =>
			eb.exists(eb.selectFrom('userRoles').select('userRoles.userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', role))
		);
	}
	const [rows, total] = await Promise.all([
		q
			.select([
				'users.id',
				'users.displayName',
				'users.email',
				'users.disabled',
				'users.emailConfirmedAt',
				'users.passwordHash',
				'users.planner',
				'organisations.name as organisationName'
			])
			.orderBy('users.displayName')
			.orderBy('users.id')
			.limit(f.limit)
			.offset(f.offset)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const ids = rows.map((r) => r.id);
	const roles = ids.length ? await db.selectFrom('userRoles').select(['userId', 'role']).where('userId', 'in', ids).execute() : [];
	return {
		total: Number(total.n),
		rows: rows.map(({ passwordHash, ...r }) => ({
			...r,
			// Whether a password was ever set, never the hash itself.
			invited: passwordHash === null,
			roles: roles.filter((x) => x.userId === r.id).map((x) => x.role)
		}))
	};
}

export async function countUsersByRole(db: Db): Promise<Record<Role, number>> {
	const rows = await db
		.selectFrom('userRoles')
		.innerJoin('users', 'users.id', 'userRoles.userId')
		.where('users.disabled', '=', 0)
		.select(['userRoles.role', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('userRoles.role')
		.execute();
	const out: Record<Role, number> = { coordinator: 0, trainer: 0, teacher: 0 };
	for (const r of rows) out[r.role] = Number(r.n);
	return out;
}

export const listOrganisations = (db: Db) => db.selectFrom('organisations').select(['id', 'name', 'kind']).orderBy('nameKey').execute();

export const findOrganisationName = async (db: Db, id: number) =>
	(await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
