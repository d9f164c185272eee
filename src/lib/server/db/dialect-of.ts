import { MysqlAdapter, type Kysely } from 'kysely';

/**
 * Which SQL dialect a Kysely instance (or transaction) speaks. Repositories use it
 * where the dialects must differ (row locks, upserts); migrations import it too,
 * so it depends on nothing but kysely.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): 'mysql' | 'sqlite' {
	return db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isMysql = (db: Kysely<any>) => dialectOf(db) === 'mysql';
