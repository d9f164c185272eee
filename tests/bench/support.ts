import { CompiledQuery, type Kysely } from 'kysely';
import type { DbHandle } from '../../src/lib/server/db/dialect';
import type { Database } from '../../src/lib/server/db/schema';

/**
 * Records every query a piece of code runs (compiled after the CamelCasePlugin,
 * so the SQL is what the database sees) and explains it: SQLite's EXPLAIN QUERY
 * PLAN, MariaDB's EXPLAIN.
 */
export function recordingDb(db: Kysely<Database>) {
	const queries: CompiledQuery[] = [];
	const spy = db.withPlugin({
		transformQuery: ({ node, queryId }) => {
			queries.push(db.getExecutor().compileQuery(node, queryId));
			return node;
		},
		transformResult: async ({ result }) => result
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
