import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/lib/server/db/statement-cache';

function counted(size?: number) {
	const raw = new SQLite(':memory:');
	let prepares = 0;
	const database = withStatementCache(
		{
			prepare: (text: string) => {
				prepares++;
				return raw.prepare(text);
			},
			close: () => raw.close()
		},
		size
	);
	return { database, raw, prepares: () => prepares };
}

describe('the SQLite statement cache', () => {
	it('prepares each query text once, and answers with each call’s own values', async () => {
		const { database, prepares } = counted();
		const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database }) });
		await db.schema
			.createTable('t')
			.addColumn('id', 'integer', (c) => c.primaryKey())
			.addColumn('name', 'text')
			.execute();
		await db.insertInto('t').values({ id: 1, name: 'een' }).execute();
		await db.insertInto('t').values({ id: 2, name: 'twee' }).execute();
		const before = prepares();
		expect(await db.selectFrom('t').select('name').where('id', '=', 1).execute()).toEqual([{ name: 'een' }]);
		expect(await db.selectFrom('t').select('name').where('id', '=', 2).execute()).toEqual([{ name: 'twee' }]);
		expect(prepares() - before).toBe(1);
		// Inside a transaction too, and a rolled-back write leaves nothing behind.
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('t').values({ id: 3, name: 'drie' }).execute();
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect((await db.selectFrom('t').select('id').execute()).map((r) => r.id)).toEqual([1, 2]);
		await db.destroy();
	});

	it('keeps at most its size, dropping the least recently used', async () => {
		const { database, prepares } = counted(2);
		const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database }) });
		const q = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
		await q(1);
		await q(2);
		await q(1); // 1 is now the most recent
		await q(3); // drops 2
		const before = prepares();
		await q(1);
		await q(3);
		expect(prepares()).toBe(before);
		await q(2);
		expect(prepares()).toBe(before + 1);
		await db.destroy();
	});

	it('gives a fresh statement while the cached one is still iterating', () => {
		const { database } = counted();
		database.prepare('select 1 as n').all([]);
		const first = database.prepare('select 1 as n');
		const iterator = first.iterate([]);
		iterator.next();
		const second = database.prepare('select 1 as n');
		expect(second).not.toBe(first);
		expect(second.all([])).toEqual([{ n: 1 }]);
		iterator.return?.();
		expect(database.prepare('select 1 as n')).toBe(first);
		database.close();
	});
});
