import { CompiledQuery, type Kysely, type QueryId } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';

/**
 * Records every query a piece of code runs (compiled after the CamelCasePlugin,
 * so the SQL is what the database sees), for tests that prove a report runs a
 * fixed number of queries whatever the data's size. Kysely also passes
 * subqueries built on their own (a derived table) through transformQuery: only
 * queries that return a result count.
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
