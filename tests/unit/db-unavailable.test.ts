import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, acquireTimeoutError } from '../../src/lib/server/db/unavailable';
import { watchStatement } from '../../src/lib/server/db/write-outcome';
import { databaseDownError, databaseOutage, markIfDatabaseDown } from '../../src/lib/server/http/db-outage';

/** Errors shaped as mysql2 and Node hand them over. */
const driverError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.code ?? 'error')), fields);

describe('which database errors mean "unreachable" (503) rather than a bug (500)', () => {
	it.each([
		['connection refused (server down)', driverError({ code: 'ECONNREFUSED', errno: -111, syscall: 'connect' })],
		['connect timeout (server frozen)', driverError({ code: 'ETIMEDOUT', errno: 'ETIMEDOUT', fatal: true })],
		['connection lost (server killed)', driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
		['statement timeout of mysql2', driverError({ code: 'PROTOCOL_SEQUENCE_TIMEOUT', errno: 'PROTOCOL_SEQUENCE_TIMEOUT' })],
		['our acquire timeout', acquireTimeoutError(3000)],
		['MariaDB max_statement_time', driverError({ code: 'ER_STATEMENT_TIMEOUT', errno: 1969 })],
		['too many connections', driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
		['server shutting down', driverError({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
		['a command on a connection that died', driverError({ message: "Can't add new command when connection is in closed state", fatal: true })],
		[
			'localhost refused on ::1 and 127.0.0.1',
			Object.assign(new AggregateError([driverError({ code: 'ECONNREFUSED' }), driverError({ code: 'ECONNREFUSED' })]), {})
		],
		['wrapped as a cause', new Error('query failed', { cause: driverError({ code: 'ECONNRESET' }) })]
	])('%s', (_, err) => {
		expect(isDatabaseUnavailable(err)).toBe(true);
	});

	it.each([
		['a duplicate key', driverError({ code: 'ER_DUP_ENTRY', errno: 1062 })],
		['a syntax error', driverError({ code: 'ER_PARSE_ERROR', errno: 1064 })],
		['a deadlock (retried by withTransaction)', driverError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
		['SQLite busy', driverError({ code: 'SQLITE_BUSY' })],
		['a plain bug', new TypeError('x is undefined')],
		['not an error at all', 'boom']
	])('not %s', (_, err) => {
		expect(isDatabaseUnavailable(err)).toBe(false);
	});
});

function eventFor(method: string, headers: Record<string, string> = {}) {
	const request = new Request('http://app.test/teacher', { method, headers, body: method === 'POST' ? 'a=1' : undefined });
	return {
		request,
		route: { id: '/(app)/teacher' },
		url: new URL('http://app.test/teacher'),
		locals: { requestId: 'r-1' },
		isDataRequest: false
	} as unknown as RequestEvent;
}

const refused = driverError({ code: 'ECONNREFUSED', syscall: 'connect' });

describe('while the database is unreachable, the answer is a 503 that says so', () => {
	it('a page whose load failed (Kit rendered a 500 after handleError) becomes a 503 with Retry-After', async () => {
		const event = eventFor('GET');
		const response = await databaseOutage({
			event,
			resolve: async (e) => {
				expect(markIfDatabaseDown(e, refused)).toBe(true);
				return new Response(`<p>${databaseDownError(e).message}</p>`, { status: 500, headers: { 'content-type': 'text/html' } });
			}
		});
		expect(response.status).toBe(503);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await response.text()).toContain('De databank antwoordt even niet');
		expect(response.headers.get('x-db-outcome')).toBeNull();
	});

	it("a hook that failed on the database (the session lookup) gets a 503 page in the user's language", async () => {
		const response = await databaseOutage({ event: eventFor('GET'), resolve: async () => Promise.reject(refused) });
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBeTruthy();
		const html = await response.text();
		expect(html).toContain('Even niet beschikbaar');
	});

	it('a form post whose transaction never committed says nothing was changed', async () => {
		const response = await databaseOutage({
			event: eventFor('POST', { 'content-type': 'application/x-www-form-urlencoded' }),
			resolve: async () => Promise.reject(refused)
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('x-db-outcome')).toBe('none');
		expect(await response.text()).toContain('Er is niets gewijzigd');
	});

	it('a post whose COMMIT got no answer says the outcome is unknown', async () => {
		const event = eventFor('POST', { 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' });
		const response = await databaseOutage({
			event,
			resolve: async () => {
				// As the guarded pool does: COMMIT sent, then the connection was lost.
				watchStatement('commit', true)(true, true);
				throw driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
			}
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('x-db-outcome')).toBe('unknown');
		const body = await response.json();
		expect(body.type).toBe('error');
		expect(body.error.message).toContain('Kijk eerst na');
	});

	it('a post whose commit was confirmed before a later read failed says it was saved', async () => {
		const event = eventFor('POST', { 'content-type': 'application/x-www-form-urlencoded' });
		const response = await databaseOutage({
			event,
			resolve: async (e) => {
				watchStatement('insert into `class` values (1)', true)(false, false);
				watchStatement('commit', true)(false, false);
				markIfDatabaseDown(e, refused);
				return new Response(databaseDownError(e).message, { status: 500 });
			}
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('x-db-outcome')).toBe('saved');
		expect(await response.text()).toContain('is bewaard');
	});

	it('other errors stay what they were: a bug is still a 500, and is not swallowed', async () => {
		const plain = await databaseOutage({ event: eventFor('GET'), resolve: async () => new Response('oops', { status: 500 }) });
		expect(plain.status).toBe(500);
		const bug = new TypeError('x is undefined');
		await expect(databaseOutage({ event: eventFor('GET'), resolve: async () => Promise.reject(bug) })).rejects.toBe(bug);
		expect(markIfDatabaseDown(eventFor('GET'), driverError({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(false);
	});
});
