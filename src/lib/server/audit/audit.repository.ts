import type { Db } from '../db';
import type { Row } from '../db/rows';

/** An entry as written: every column of the table but its id, campus and edition given (null when not about one). */
export type AuditRow = Omit<Row<'auditLog'>, 'id'>;

export const insertAuditEntry = (db: Db, row: AuditRow) => db.insertInto('auditLog').values(row).execute();

/** Many entries in one statement (bulk issuing). */
export const insertAuditEntries = (db: Db, rows: AuditRow[]) =>
	rows.length === 0
		? Promise.resolve()
		: db
				.insertInto('auditLog')
				.values(rows)
				.execute()
				.then(() => undefined);

/** The campus (where the table has one) and edition of an entity an audit entry is about: one primary-key read. */
export const findOwnerScope = async (
	db: Db,
	table: 'classes' | 'workshopSlots' | 'kitOrders' | 'certificates' | 'kitItems' | 'materials',
	withCampus: boolean,
	id: number
) =>
	(await db
		.selectFrom(table)
		.select(withCampus ? ['campusId', 'editionId'] : ['editionId'])
		.where('id', '=', id)
		.executeTakeFirst()) as { campusId?: number | null; editionId: number } | undefined;

export const listAuditOfEntity = (db: Db, entityType: string, entityId: string, limit = 50) =>
	db
		.selectFrom('auditLog')
		.leftJoin('users', 'users.id', 'auditLog.actorUserId')
		.select(['auditLog.id', 'auditLog.action', 'auditLog.createdAt', 'auditLog.beforeJson', 'auditLog.afterJson', 'users.displayName as actorName'])
		.where('auditLog.entityType', '=', entityType)
		.where('auditLog.entityId', '=', entityId)
		.orderBy('auditLog.id', 'desc')
		.limit(limit)
		.execute();
