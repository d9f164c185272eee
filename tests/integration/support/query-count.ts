import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';

/** Counts the queries run through the database it wraps (Kysely calls transformQuery once per query). */
class QueryCounter implements KyselyPlugin {
	count = 0;
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		this.count++;
		return args.node;
	}
	transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return Promise.resolve(args.result);
	}
}

/** The same database, counting: `queries()` is the number run since the last `reset()`. */
export function countingDb(db: Kysely<Database>) {
	const counter = new QueryCounter();
	return {
		db: db.withPlugin(counter),
		queries: () => counter.count,
		reset: () => {
			counter.count = 0;
		}
	};
}
