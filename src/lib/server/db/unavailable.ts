/**
 * Which database errors mean "the database cannot be reached right now" (answer
 * 503 and let the client retry) rather than "our code or data is wrong" (500).
 * One list, for handleError, the 503 hook and the tests.
 */

/** Our own: no pooled connection became free within DB_ACQUIRE_TIMEOUT_MS. */
export const acquireTimeoutCode = 'DB_ACQUIRE_TIMEOUT';
/** mysql2's code when a statement outlived its `timeout` (DB_STATEMENT_TIMEOUT_MS). */
export const statementTimeoutCode = 'PROTOCOL_SEQUENCE_TIMEOUT';

const unavailableCodes = new Set([
	'ECONNREFUSED', // nothing listens: the server is down or restarting
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT', // mysql2's connectTimeout, or the kernel's
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN', // DNS of the database host briefly failing
	'PROTOCOL_CONNECTION_LOST', // the server closed the connection (killed, restarted)
	statementTimeoutCode,
	acquireTimeoutCode,
	'ER_CON_COUNT_ERROR', // 1040 too many connections
	'ER_TOO_MANY_USER_CONNECTIONS', // 1203
	'ER_SERVER_SHUTDOWN', // 1053
	'ER_CONNECTION_KILLED', // 1927
	'ER_STATEMENT_TIMEOUT', // 1969 MariaDB max_statement_time
	'ER_QUERY_TIMEOUT' // 3024 MySQL max_execution_time
]);

const unavailableErrnos = new Set([1040, 1203, 1053, 1927, 1969, 3024, 2002, 2003, 2006, 2013]);

interface DriverError {
	code?: unknown;
	errno?: unknown;
	fatal?: unknown;
	errors?: unknown;
	cause?: unknown;
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
	if (!err || typeof err !== 'object' || depth > 4) return false;
	const e = err as DriverError;
	if (typeof e.code === 'string' && unavailableCodes.has(e.code)) return true;
	if (typeof e.errno === 'number' && unavailableErrnos.has(e.errno)) return true;
	// mysql2 marks every error that ended the connection as fatal, e.g. "Can't add new
	// command when connection is in closed state" (no code) on a connection that died.
	if (e.fatal === true) return true;
	// Node's connect to "localhost" tries ::1 and 127.0.0.1 and reports both at once.
	if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
	return isDatabaseUnavailable(e.cause, depth + 1);
}

export function acquireTimeoutError(ms: number): Error {
	return Object.assign(new Error(`no database connection became free within ${ms} ms`), { code: acquireTimeoutCode });
}
