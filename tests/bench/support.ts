import { CompiledQuery, type Kysely, type QueryId } from 'kysely';
import type { DbHandle } from '../../src/lib/server/db/dialect';
import type { Database } from '../../src/lib/server/db/schema';

/**
 * Records every query a piece of code runs (compiled after the CamelCasePlugin,
 * so the SQL is what the database sees) and explains it: SQLite's EXPLAIN QUERY
 * PLAN, MariaDB's EXPLAIN. Kysely also passes subqueries built on their own
 * (a derived table) through transformQuery: only queries that return a result
 * count.
 */
export function recordingDb(db: Kysely<Database>) {
	const queries: CompiledQuery[] = [];
	const compiled = new Map<QueryId, CompiledQuery>();
	const spy = db.withPlugin({
		transformQuery: ({ node, queryId }) => {
			compiled.set(queryId, db.getExecutor().compileQuery(node, queryId));
			return node;
		},
		transformResult: async ({ result, queryId }) => {
			const query = compiled.get(queryId);
			if (query) queries.push(query);
			return result;
		}
	});
	return { spy, queries };
}

export async function explain(handle: DbHandle, query: CompiledQuery): Promise<string[]> {
	if (handle.dialect === 'sqlite') {
		const r = await handle.db.executeQuery<{ id: number; parent: number; detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
		const depth = new Map<number, number>();
		return r.rows.map((row) => {
			const d = (depth.get(row.parent) ?? -1) + 1;
			depth.set(row.id, d);
			return `${'  '.repeat(d)}${row.detail}`;
		});
	}
	const r = await handle.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
	return r.rows.map((row) => `${row.selectType ?? row.select_type} ${row.table} type=${row.type} key=${row.key ?? '-'} rows=${row.rows} ${row.Extra ?? ''}`);
}
