import type { Db } from '../db';
import type { DbTime } from '../db/time';

export interface AuditRow {
	actorUserId: number | null;
	action: string;
	entityType: string;
	entityId: string;
	beforeJson: string | null;
	afterJson: string | null;
	campusId: number | null;
	editionId: number | null;
	createdAt: DbTime;
}

export const insertAuditEntry = (db: Db, row: AuditRow) => db.insertInto('auditLog').values(row).execute();

/** Many entries in one statement (bulk issuing). */
export const insertAuditEntries = (db: Db, rows: AuditRow[]) => (rows.length === 0 ? Promise.resolve() : db.insertInto('auditLog').values(rows).execute().then(() => undefined));

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
