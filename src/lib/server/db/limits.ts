import { config } from '../config';

/**
 * Time limits on MySQL/MariaDB. mysql2 has none of its own: with the server frozen
 * (SIGSTOP, a hung disk) every pooled query waited as long as the freeze lasted
 * (20.8 s seen), /health included. With these, the worst wait of a request on a
 * dead or frozen database is about acquire + statement (8 s by default), after
 * which it answers 503.
 *
 * - connect 3 s: a healthy server on the local network answers its handshake in
 *   milliseconds; a frozen one accepts the TCP connection and never greets.
 * - acquire 3 s: the wait for a free pooled connection, connecting included. Pages
 *   hold a connection for milliseconds, so 3 s of waiting means the database is
 *   not answering, not that we are busy.
 * - statement 5 s: the slowest page on the large seed (the campaign reports,
 *   tests/bench) takes well under a second; a city with far more data raises
 *   DB_STATEMENT_TIMEOUT_MS rather than let every request wait longer on a freeze.
 *   Streamed exports are not limited per statement (their rows flow for as long as
 *   the download lasts).
 * - health 1 s: a load balancer must learn quickly that this process cannot serve.
 */
export interface DbLimits {
	connectMs: number;
	acquireMs: number;
	statementMs: number;
}

export function dbLimits(): DbLimits {
	const c = config();
	return { connectMs: c.DB_CONNECT_TIMEOUT_MS, acquireMs: c.DB_ACQUIRE_TIMEOUT_MS, statementMs: c.DB_STATEMENT_TIMEOUT_MS };
}
