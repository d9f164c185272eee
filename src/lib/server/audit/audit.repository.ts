import type { Db } from '../db';
import type { DbTime } from '../db/time';

export const insertAuditEntry = (
	db: Db,
	row: {
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
) => db.insertInto('auditLog').values(row).execute();

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
