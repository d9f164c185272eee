import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { roles as allRoles } from '../../domain';
import { pageCount } from '../pagination';
import { countUsersByRole, findOrganisationName, listOrganisations, listUserPage } from './user-list.repository';

/** What the coordinator's people page shows: one page of accounts and the invite form's choices. */
export async function peoplePage(db: Kysely<Database>, q: { search: string; role: string; page: number; limit: number; offset: number }) {
	const role = (allRoles as readonly string[]).includes(q.role) ? (q.role as Role) : undefined;
	const [list, organisations] = await Promise.all([
		listUserPage(db, { search: q.search.trim().slice(0, 100) || undefined, role, limit: q.limit, offset: q.offset }),
		listOrganisations(db)
	]);
	return { ...list, pages: pageCount(list.total, q.limit), page: q.page, organisations, filter: { search: q.search, role: role ?? '' } };
}

/** The name of the organisation a trainer works for (null when it is gone): the trainer's home page. */
export const organisationName = (db: Kysely<Database>, organisationId: number) => findOrganisationName(db, organisationId);

export { countUsersByRole };
