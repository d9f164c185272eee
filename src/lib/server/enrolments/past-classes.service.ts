import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { pageCount } from '../pagination';
import { countPastEditions, listPastClasses, listPastEditions } from './past-classes.repository';

export type PastCertificate = 'available' | 'revoked' | 'none';

/** Archived editions per page of the teacher's start page: a teacher may have taught for many years. */
export const pastEditionsPerPage = 5;

/**
 * The teacher's history: classes of their campuses in archived editions, newest
 * edition first, one page of editions at a time (three queries, whatever the
 * page holds). A class that took part has its certificate (the edition is over),
 * unless a coordinator revoked it and issued none since.
 */
export async function pastClassesOfTeacher(db: Kysely<Database>, userId: number, page: number) {
	const total = await countPastEditions(db, userId);
	const pages = pageCount(total, pastEditionsPerPage);
	const current = Math.min(page, pages);
	const editions = total ? await listPastEditions(db, userId, pastEditionsPerPage, (current - 1) * pastEditionsPerPage) : [];
	const classes = editions.length
		? await listPastClasses(
				db,
				userId,
				editions.map((e) => e.id)
			)
		: [];
	return {
		page: current,
		pages,
		editions: editions.map((e) => ({
			...e,
			classes: classes
				.filter((c) => c.editionId === e.id)
				.map(({ hasValid, hasRevoked, ...c }) => ({ ...c, certificate: certificateState(c.status, Number(hasValid) === 1, Number(hasRevoked) === 1) }))
		}))
	};
}

function certificateState(status: string, hasValid: boolean, hasRevoked: boolean): PastCertificate {
	if (status !== 'enrolled') return 'none';
	return hasValid || !hasRevoked ? 'available' : 'revoked';
}
