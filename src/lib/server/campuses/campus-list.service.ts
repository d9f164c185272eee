import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { levels, type Level } from '../../domain';
import { pageCount } from '../pagination';
import { listCampusPage } from './campus.repository';

/** A search box's text as the normalised keys store it. */
export const searchKey = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-BE').slice(0, 100);

export const parseLevel = (value: string | null | undefined): Level | undefined =>
	(levels as readonly string[]).includes(value ?? '') ? (value as Level) : undefined;

export async function campusListPage(db: Kysely<Database>, q: { search: string; level?: string; page: number; limit: number; offset: number }) {
	const level = parseLevel(q.level);
	const list = await listCampusPage(db, { search: searchKey(q.search) || undefined, level, limit: q.limit, offset: q.offset });
	return { ...list, page: q.page, pages: pageCount(list.total, q.limit), search: q.search, level: level ?? '' };
}
