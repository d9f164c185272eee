import type { Pool, PoolConnection, QueryError } from 'mysql2';
import type { DbLimits } from './limits';
import { acquireTimeoutError, isDatabaseUnavailable, statementTimeoutCode } from './unavailable';

const statementTimeoutError = (ms: number) =>
	Object.assign(new Error(`the database did not answer a statement within ${ms} ms`), { code: statementTimeoutCode, fatal: true });
const closedError = () => Object.assign(new Error('the connection was closed after a statement timed out'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
import { watchStatement } from './write-outcome';

type Callback = (err: QueryError | null, result?: unknown) => void;

/** What Kysely's MysqlDialect uses of a mysql2 connection. */
interface GuardedConnection {
	query(sql: string, params: readonly unknown[], cb?: Callback): unknown;
	release(): void;
}

const transactionStart = /^\s*(begin|start\s+transaction)\b/i;
const transactionEnd = /^\s*(commit|rollback)\s*$/i;

/**
 * A mysql2 pool with the time limits mysql2 lacks (limits.ts): getConnection gives
 * up after acquireMs, each statement after statementMs (counted from when it is
 * asked for, waiting behind other commands included). A connection whose statement
 * timed out is destroyed, never returned to the pool: the server may still answer
 * the old statement later, and the next query would read that answer as its own.
 * Destroyed and dead connections leave the pool; it opens new ones on demand, so it
 * recovers by itself once the database is back.
 */
export function guardPool(pool: Pool, limits: DbLimits) {
	const wrappers = new WeakMap<PoolConnection, GuardedConnection>();
	return {
		getConnection(cb: (err: Error | null, conn?: GuardedConnection) => void): void {
			let settled = false;
			const timer = setTimeout(() => {
				settled = true;
				cb(acquireTimeoutError(limits.acquireMs));
			}, limits.acquireMs);
			pool.getConnection((err, conn) => {
				if (settled) {
					// Too late: the request has answered already. Hand the connection back.
					if (!err) conn.release();
					return;
				}
				settled = true;
				clearTimeout(timer);
				if (err) return cb(err);
				let wrapper = wrappers.get(conn);
				if (!wrapper) wrappers.set(conn, (wrapper = guardConnection(conn, limits.statementMs)));
				cb(null, wrapper);
			});
		},
		end(cb: (err?: Error | null) => void): void {
			pool.end((err) => cb(err));
		},
		on(event: string, listener: (...args: unknown[]) => void) {
			pool.on(event as 'connection', listener as never);
			return this;
		}
	};
}

function guardConnection(conn: PoolConnection, statementMs: number): GuardedConnection {
	let destroyed = false;
	let inTransaction = false;
	const destroy = () => {
		if (destroyed) return;
		destroyed = true;
		conn.destroy(); // leaves the pool
		// A hard close: a frozen server never answers the polite one, and the commands
		// still queued on this connection then fail at once instead of waiting.
		(conn as unknown as { stream?: { destroy(): void } }).stream?.destroy();
	};
	return {
		query(sql, params, cb) {
			const settle = watchStatement(sql, inTransaction);
			if (transactionStart.test(sql)) inTransaction = true;
			else if (transactionEnd.test(sql)) inTransaction = false;
			// Kysely's streamQuery asks without a callback: a streamed export may rightly
			// run as long as its download, so only the database's own limits apply.
			if (!cb) return conn.query(sql, params as unknown[]);
			if (destroyed) return cb(closedError());
			// Our own timer, from the moment the query is queued: mysql2's `timeout` starts
			// only when the command reaches the wire, so a query queued behind a stuck
			// one (the session SETs of a connection made just before a freeze) never
			// started its clock and waited for two limits or more.
			let answered = false;
			const timer = setTimeout(() => {
				answered = true;
				destroy();
				settle(true, true);
				cb(statementTimeoutError(statementMs));
			}, statementMs);
			return conn.query({ sql, values: params as unknown[] }, (err: QueryError | null, result: unknown) => {
				if (answered) return;
				answered = true;
				clearTimeout(timer);
				settle(!!err, !!err && isDatabaseUnavailable(err));
				cb(err, result);
			});
		},
		release() {
			if (!destroyed) conn.release();
		}
	};
}
