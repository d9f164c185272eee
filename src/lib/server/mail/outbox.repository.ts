import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
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
	calendarIcs?: string | null;
	calendarMethod?: 'REQUEST' | 'CANCEL' | null;
}

export async function insertOutboxMail(db: Db, row: NewOutboxRow): Promise<number> {
	const result = await db
		.insertInto('mailOutbox')
		.values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: row.createdAt })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}


/**
 * Inserts the mail unless one with its dedupe key exists; true when it was new.
 * Jobs use this: several processes may create the same reminder at once and the
 * unique key lets exactly one through. Only that key's clash is ignored (not
 * INSERT IGNORE, which on MySQL would also swallow other errors).
 */
export async function insertOutboxMailOnce(db: Db, row: NewOutboxRow): Promise<boolean> {
	const result = await db
		.insertInto('mailOutbox')
		.values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: row.createdAt })
		.$if(isMysql(db), (q) => q.onDuplicateKeyUpdate({ dedupeKey: (eb) => eb.ref('mailOutbox.dedupeKey') }))
		.$if(!isMysql(db), (q) => q.onConflict((oc) => oc.column('dedupeKey').doNothing()))
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
