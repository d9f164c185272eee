import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/dialect';
import { isDatabaseUnavailable } from '../../src/lib/server/db/unavailable';
import { newWriteTracker, trackWrites, writeOutcome } from '../../src/lib/server/db/write-outcome';
import { startOwnMariadb, type OwnMariadb } from './support/mariadb';

/**
 * The pool's time limits on a MariaDB of the test's own, frozen (SIGSTOP) and
 * killed. Without the limits a query on a frozen server waits for the thaw and
 * then succeeds; with them it fails (classified "unavailable", so a 503) while the
 * server is still frozen, and the pool serves again once the server is back.
 */
const limits = { connectMs: 1000, acquireMs: 1500, statementMs: 2000 };
const freezeMs = 6000;

let server: OwnMariadb;
let handle: DbHandle;

const selectOne = async () => (await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0].one;

/** Runs `work` with the server frozen for freezeMs; reports how it ended and whether the server was still frozen then. */
async function whileFrozen<T>(work: () => Promise<T>) {
	server.freeze();
	let frozen = true;
	const thaw = setTimeout(() => {
		frozen = false;
		server.thaw();
	}, freezeMs);
	try {
		const value = await work();
		return { ok: true as const, value, frozenAtEnd: frozen };
	} catch (error) {
		return { ok: false as const, error, frozenAtEnd: frozen };
	} finally {
		await new Promise<void>((resolve) => {
			if (!frozen) return resolve();
			const wait = setInterval(() => !frozen && (clearInterval(wait), resolve()), 50);
		});
		clearTimeout(thaw);
	}
}

beforeAll(async () => {
	server = await startOwnMariadb();
	server.sql('create database faults character set utf8mb4');
	server.sql('create table note (id int primary key, text varchar(40)) engine=InnoDB', 'faults');
	handle = await openDatabase(server.url('faults'), { poolSize: 2, limits });
});

afterAll(async () => {
	await handle?.close().catch(() => {});
	await server?.dispose();
});

describe('MySQL/MariaDB pool limits (own mariadbd)', () => {
	it('a query on a frozen server fails as "unavailable" before the server thaws, and the pool recovers', async () => {
		expect(await selectOne()).toBe(1);
		const frozen = await whileFrozen(selectOne);
		expect(frozen.ok, 'the query should fail, not wait for the thaw').toBe(false);
		expect(frozen.frozenAtEnd).toBe(true);
		expect(isDatabaseUnavailable(frozen.ok ? null : frozen.error)).toBe(true);
		expect(await selectOne()).toBe(1);
	});

	it('a request waiting for a connection while every one is stuck gives up too (acquire limit)', async () => {
		const frozen = await whileFrozen(() => Promise.all([selectOne(), selectOne(), selectOne(), selectOne()]));
		expect(frozen.ok).toBe(false);
		expect(frozen.frozenAtEnd).toBe(true);
		expect(isDatabaseUnavailable(frozen.ok ? null : frozen.error)).toBe(true);
		expect(await selectOne()).toBe(1);
	});

	it('a new connection to a frozen server gives up (connect limit)', async () => {
		// A fresh pool: no idle connection to reuse, so the first query must connect.
		const fresh = await openDatabase(server.url('faults'), { poolSize: 1, limits });
		try {
			const frozen = await whileFrozen(() => sql`select 1`.execute(fresh.db));
			expect(frozen.ok).toBe(false);
			expect(frozen.frozenAtEnd).toBe(true);
			expect(isDatabaseUnavailable(frozen.ok ? null : frozen.error)).toBe(true);
		} finally {
			await fresh.close().catch(() => {});
		}
	});

	it('a write in a transaction cut off by the freeze is reported as not done, and is not done', async () => {
		const tracker = newWriteTracker();
		const frozen = await whileFrozen(async () => {
			server.thaw(); // the first insert goes through, the second meets the freeze
			return trackWrites(tracker, () =>
				handle.db.transaction().execute(async (trx) => {
					await sql`insert into note (id, text) values (1, 'in a transaction')`.execute(trx);
					server.freeze();
					await sql`insert into note (id, text) values (2, 'in a transaction')`.execute(trx);
				})
			);
		});
		expect(frozen.ok).toBe(false);
		expect(writeOutcome(tracker)).toBe('none');
		expect(await selectOne()).toBe(1);
		expect(server.sql('select count(*) from note where id in (1, 2)', 'faults').trim()).toBe('0');
	});

	it('a COMMIT that gets no answer is reported as unknown', async () => {
		const tracker = newWriteTracker();
		const frozen = await whileFrozen(async () => {
			server.thaw();
			return trackWrites(tracker, () =>
				handle.db.transaction().execute(async (trx) => {
					await sql`insert into note (id, text) values (3, 'committed?')`.execute(trx);
					server.freeze();
				})
			);
		});
		expect(frozen.ok).toBe(false);
		expect(isDatabaseUnavailable(frozen.ok ? null : frozen.error)).toBe(true);
		expect(writeOutcome(tracker)).toBe('unknown');
	});

	it('a killed server gives "unavailable" at once, and the pool serves again after a restart on the same data', async () => {
		await server.kill();
		const down = await selectOne().then(
			() => null,
			(e: unknown) => e
		);
		expect(isDatabaseUnavailable(down)).toBe(true);
		await server.start();
		expect(await selectOne()).toBe(1);
	});
});
