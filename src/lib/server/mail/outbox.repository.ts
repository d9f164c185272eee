import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { Locale } from '../db/schema';
import type { DbTime } from '../db/time';
import { isUniqueViolation } from '../db/errors';

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
 * INSERT IGNORE, which on MySQL would also swallow other errors). On MySQL the
 * clash is caught rather than upserted: mysql2 connects with FOUND_ROWS, so an
 * ON DUPLICATE KEY UPDATE that changes nothing reports one affected row, exactly
 * like an insert, and every racing process would think it created the mail.
 * A failed statement does not end a MySQL transaction, so this is safe inside one.
 */
export async function insertOutboxMailOnce(db: Db, row: NewOutboxRow): Promise<boolean> {
	const insert = db.insertInto('mailOutbox').values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: row.createdAt });
	if (!isMysql(db)) {
		const result = await insert.onConflict((oc) => oc.column('dedupeKey').doNothing()).executeTakeFirst();
		return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
	}
	try {
		await insert.execute();
		return true;
	} catch (err) {
		// The id is generated, so the dedupe key is the only unique key a new row can clash on.
		if (isUniqueViolation(err)) return false;
		throw err;
	}
}
