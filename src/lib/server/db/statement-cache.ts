import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query text of the app (an `in (?, ?, …)` list makes one per length). */
export const statementCacheSize = 500;

interface Preparer {
	prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
	close(): void;
}

/**
 * Kysely's SQLite driver prepares every query afresh, which cost ~10% of a light
 * page's CPU. This hands it a prepared statement per SQL text instead, kept in a
 * bounded LRU. Safe because:
 * - a statement holds no bound values between calls (Kysely binds on every all/run/iterate);
 * - statements belong to the connection, not to a transaction, and SQLite re-prepares
 *   one by itself when the schema changed (migrations);
 * - a statement that is still iterating (`busy`, from `.stream()`) cannot run twice at
 *   once, so that one case gets a fresh, uncached statement.
 */
export function withStatementCache(database: Preparer, size = statementCacheSize): SqliteDatabase {
	const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>();
	return {
		close: () => {
			cache.clear();
			database.close();
		},
		prepare(sql: string) {
			const hit = cache.get(sql);
			if (hit) {
				if (hit.busy) return database.prepare(sql);
				// Most recently used last: a Map keeps insertion order.
				cache.delete(sql);
				cache.set(sql, hit);
				return hit;
			}
			const statement = database.prepare(sql);
			cache.set(sql, statement);
			if (cache.size > size) cache.delete(cache.keys().next().value!);
			return statement;
		}
	};
}
