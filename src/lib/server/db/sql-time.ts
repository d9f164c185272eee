import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { isMysql } from './dialect-of';

/**
 * Time arithmetic inside SQL, the same on both databases. Instants are UTC text
 * "YYYY-MM-DD HH:MM:SS.mmm" on SQLite (strftime's %f keeps that shape, so the
 * result still compares as text with the stored values) and DATETIME(3) on
 * MySQL; calendar dates are "YYYY-MM-DD" text on SQLite and DATE on MySQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** `instant` plus `minutes` (an expression; negative goes back). */
export const plusMinutes = (db: AnyDb, instant: Expression<string>, minutes: Expression<number>): RawBuilder<string> =>
	isMysql(db)
		? sql<string>`date_add(${instant}, interval ${minutes} minute)`
		: sql<string>`strftime('%Y-%m-%d %H:%M:%f', ${instant}, ${minutes} || ' minutes')`;

/** The calendar day `days` after `date` (a whole number; negative goes back). */
export const plusDays = (db: AnyDb, date: Expression<string>, days: number): RawBuilder<string> =>
	isMysql(db) ? sql<string>`date_add(${date}, interval ${sql.lit(Math.trunc(days))} day)` : sql<string>`date(${date}, ${sql.lit(`${Math.trunc(days)} days`)})`;
