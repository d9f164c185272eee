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

