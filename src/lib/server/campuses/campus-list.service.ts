import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { pageCount } from '../pagination';
import { listCampusPage } from './campus.repository';

export async function campusListPage(db: Kysely<Database>, q: { search: string; page: number; limit: number; offset: number }) {
	const search = q.search.normalize('NFC').trim().toLocaleLowerCase('nl-BE').slice(0, 100);
	const list = await listCampusPage(db, { search: search || undefined, limit: q.limit, offset: q.offset });
	return { ...list, page: q.page, pages: pageCount(list.total, q.limit), search: q.search };
}
