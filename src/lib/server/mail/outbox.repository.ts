import type { Db } from '../db';
import type { Locale } from '../db/schema';
import type { DbTime } from '../db/time';

export interface NewOutboxRow {
	recipient: string;
	locale: Locale;
	template: string;
	paramsJson: string;
	subject: string;
	bodyText: string;
	bodyHtml: string;
	secretLink: string | null;
	dedupeKey: string;
	createdAt: DbTime;
}

export async function insertOutboxMail(db: Db, row: NewOutboxRow): Promise<number> {
	const result = await db
		.insertInto('mailOutbox')
		.values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: row.createdAt })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

/** What coordinators may read: never the secret link, never the rendered body with it. */
export const listOutboxPage = (db: Db, limit: number, beforeId?: number) =>
	db
		.selectFrom('mailOutbox')
		.select(['id', 'recipient', 'locale', 'template', 'subject', 'status', 'attempts', 'sentAt', 'lastError', 'createdAt'])
		.$if(beforeId !== undefined, (q) => q.where('id', '<', beforeId!))
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
