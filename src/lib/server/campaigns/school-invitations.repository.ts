import type { Db } from '../db';

/** Active campuses of active schools, with contact and code, in school and campus order. */
export const listInvitableCampuses = (db: Db) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'campuses.contactName', 'campuses.contactEmail', 'campuses.inviteCode', 'schools.name as schoolName'])
		.where('campuses.active', '=', 1)
		.where('schools.active', '=', 1)
		.orderBy('schools.nameKey')
		.orderBy('campuses.nameKey')
		.orderBy('campuses.id')
		.execute();

/** The edition of the same campaign just before this one (by year), if any. */
export const findPreviousEdition = (db: Db, edition: { campaignId: number; year: number }) =>
	db
		.selectFrom('editions')
		.select(['id', 'name'])
		.where('campaignId', '=', edition.campaignId)
		.where('year', '<', edition.year)
		.where('status', '!=', 'draft')
		.orderBy('year', 'desc')
		.limit(1)
		.executeTakeFirst();

/**
 * Teachers with an active account who enrolled a class (still enrolled, not
 * withdrawn or left waiting) in an edition, each once.
 */
export const listEditionTeachers = (db: Db, editionId: number) =>
	db
		.selectFrom('users')
		.select(['users.id', 'users.email', 'users.emailKey', 'users.displayName', 'users.locale'])
		.where('users.disabled', '=', 0)
		.where((eb) =>
			eb.and([
				eb.exists(
					eb
						.selectFrom('classes')
						.select('classes.id')
						.whereRef('classes.enrolledBy', '=', 'users.id')
						.where('classes.editionId', '=', editionId)
						.where('classes.status', '=', 'enrolled')
				),
				eb.exists(eb.selectFrom('userRoles').select('userRoles.userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', 'teacher'))
			])
		)
		.orderBy('users.id')
		.execute();

/** Active teacher accounts among these addresses (normalised keys): their language is known and they log in. */
export async function listActiveUsersByEmailKey(db: Db, keys: string[]) {
	const rows: { id: number; email: string; emailKey: string; locale: 'nl' | 'en' }[] = [];
	for (let i = 0; i < keys.length; i += 500) {
		rows.push(
			...(await db
				.selectFrom('users')
				.select(['id', 'email', 'emailKey', 'locale'])
				.where('disabled', '=', 0)
				.where('emailKey', 'in', keys.slice(i, i + 500))
				.where((eb) =>
					eb.exists(eb.selectFrom('userRoles').select('userRoles.userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', 'teacher'))
				)
				.execute())
		);
	}
	return rows;
}

/** Which of these dedupe keys are already in the outbox. */
export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += 500) {
		const rows = await db
			.selectFrom('mailOutbox')
			.select('dedupeKey')
			.where('dedupeKey', 'in', keys.slice(i, i + 500))
			.execute();
		for (const r of rows) found.add(r.dedupeKey);
	}
	return found;
}

const prefixEnd = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * Mails queued under a key prefix, counted through the unique key's index: a
 * range from the prefix up to the prefix with its last character raised
 * (the prefixes end in ":", so every key of this edition sorts inside).
 */
export async function countDedupeKeysWithPrefix(db: Db, prefix: string): Promise<number> {
	const row = await db
		.selectFrom('mailOutbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('dedupeKey', '>=', prefix)
		.where('dedupeKey', '<', prefixEnd(prefix))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The newest recorded send of an edition's invitations. */
export const findLastInvitationSend = (db: Db, editionId: number) =>
	db
		.selectFrom('auditLog')
		.select(['createdAt', 'afterJson'])
		.where('entityType', '=', 'edition')
		.where('entityId', '=', String(editionId))
		.where('action', '=', 'edition.schools_invited')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();

/** One mail queued under a key prefix, if any (through the unique key's index). */
export const findAnyDedupeKeyWithPrefix = (db: Db, prefix: string) =>
	db.selectFrom('mailOutbox').select('id').where('dedupeKey', '>=', prefix).where('dedupeKey', '<', prefixEnd(prefix)).limit(1).executeTakeFirst();
