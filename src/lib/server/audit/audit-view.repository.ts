import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { DbTime } from '../db/time';
import { containsText } from '../db/like';

/** The audit view's filters once names are resolved to ids (null: not filtered). */
export interface AuditWhere {
	personIds: number[] | null;
	campusIds: number[] | null;
	editionId: number | null;
	/** Action namespace, e.g. "class" for "class.enrolled". */
	kind: string | null;
	fromAt: DbTime | null;
	toBefore: DbTime | null;
}

/** Candidates are capped: a filter that matches more people or campuses than this is too vague to be useful. */
export const maxMatches = 200;

export const findPersonIds = async (db: Db, text: string): Promise<number[]> =>
	(
		await db
			.selectFrom('users')
			.select('id')
			.where((eb) =>
				eb.or([containsText(eb.ref('users.emailKey'), text.toLowerCase()), containsText(eb.fn('lower', [eb.ref('users.displayName')]), text.toLowerCase())])
			)
			.limit(maxMatches)
			.execute()
	).map((r) => r.id);

export const findCampusIds = async (db: Db, key: string): Promise<number[]> =>
	(
		await db
			.selectFrom('campuses')
			.innerJoin('schools', 'schools.id', 'campuses.schoolId')
			.select('campuses.id')
			.where((eb) => eb.or([containsText(eb.ref('campuses.nameKey'), key), containsText(eb.ref('schools.nameKey'), key)]))
			.limit(maxMatches)
			.execute()
	).map((r) => r.id);

type AuditQuery = SelectQueryBuilder<Database, 'auditLog', object>;

function applyWhere(q: AuditQuery, w: AuditWhere): AuditQuery {
	if (w.personIds) {
		const ids = w.personIds;
		q = q.where((eb) =>
			eb.or([eb('auditLog.actorUserId', 'in', ids), eb.and([eb('auditLog.entityType', '=', 'user'), eb('auditLog.entityId', 'in', ids.map(String))])])
		);
	}
	if (w.campusIds) q = q.where('auditLog.campusId', 'in', w.campusIds);
	if (w.editionId) q = q.where('auditLog.editionId', '=', w.editionId);
	// A range on the action index: "class." up to "class/" ('/' follows '.'), which LIKE
	// would not use on SQLite and where '_' in "kit_item" would be a wildcard.
	if (w.kind) q = q.where('auditLog.action', '>=', `${w.kind}.`).where('auditLog.action', '<', `${w.kind}/`);
	if (w.fromAt) q = q.where('auditLog.createdAt', '>=', w.fromAt);
	if (w.toBefore) q = q.where('auditLog.createdAt', '<', w.toBefore);
	return q;
}

/** A page (newest first) or an export chunk (ids below `beforeId`), with the names the view shows. */
export function listAuditEntries(db: Db, w: AuditWhere, page: { limit: number; offset?: number; beforeId?: number }) {
	let q = applyWhere(db.selectFrom('auditLog'), w);
	if (page.beforeId) q = q.where('auditLog.id', '<', page.beforeId);
	return q
		.leftJoin('users', 'users.id', 'auditLog.actorUserId')
		.leftJoin('campuses', 'campuses.id', 'auditLog.campusId')
		.leftJoin('editions', 'editions.id', 'auditLog.editionId')
		.select([
			'auditLog.id',
			'auditLog.createdAt',
			'auditLog.action',
			'auditLog.entityType',
			'auditLog.entityId',
			'auditLog.beforeJson',
			'auditLog.afterJson',
			'auditLog.actorUserId',
			'users.displayName as actorName',
			'users.anonymisedAt as actorAnonymisedAt',
			'campuses.name as campusName',
			'editions.name as editionName'
		])
		.orderBy('auditLog.id', 'desc')
		.limit(page.limit)
		.$if(!!page.offset, (qb) => qb.offset(page.offset!))
		.execute();
}

export async function countAuditEntries(db: Db, w: AuditWhere): Promise<number> {
	const row = await applyWhere(db.selectFrom('auditLog'), w)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export const listEditionChoices = (db: Db) => db.selectFrom('editions').select(['id', 'name']).orderBy('year', 'desc').orderBy('id', 'desc').execute();
