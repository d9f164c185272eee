import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../src/lib/server/db/dialect-of';

/**
 * Column types that differ between the dialects. Migrations are frozen in time:
 * change these only in ways that keep every old migration's meaning.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export { dialectOf };

/** An instant: DATETIME(3) in UTC on MySQL, "YYYY-MM-DD HH:MM:SS.mmm" text on SQLite. */
export const instant = (db: AnyDb): RawBuilder<unknown> => (dialectOf(db) === 'mysql' ? sql`datetime(3)` : sql`text`);

/** A calendar date "YYYY-MM-DD". */
export const calendarDate = (db: AnyDb): RawBuilder<unknown> => (dialectOf(db) === 'mysql' ? sql`date` : sql`text`);

/** A normalised key column: binary collation on MySQL so only our normalisation decides equality. */
export const keyText = (db: AnyDb, length: number): RawBuilder<unknown> =>
	dialectOf(db) === 'mysql' ? sql`varchar(${sql.raw(String(length))}) character set utf8mb4 collate utf8mb4_bin` : sql`varchar(${sql.raw(String(length))})`;

/** Long text: TEXT on both (MySQL's TEXT holds 64 KB, enough for rendered mails). */
export const longText = (db: AnyDb): RawBuilder<unknown> => (dialectOf(db) === 'mysql' ? sql`mediumtext` : sql`text`);

/** utf8mb4 InnoDB tables on MySQL; nothing to add on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withTableOptions<T extends CreateTableBuilder<any, any>>(db: AnyDb, builder: T): T {
	return dialectOf(db) === 'mysql' ? (builder.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci`) as T) : builder;
}
