import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

/**
 * Multi-row inserts for the scale data set (large.ts, large-workshops.ts). 1,000
 * rows of at most 26 columns stay under SQLite's 32,766 bound parameters.
 */
export const batchSize = 1000;

export async function insertBatches<T extends keyof Database>(db: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
	for (let i = 0; i < rows.length; i += batchSize) {
		await db
			.insertInto(table)
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely cannot narrow a generic table's insert type
			.values(rows.slice(i, i + batchSize) as any)
			.execute();
	}
}

/** Ids of rows just inserted, looked up by a unique natural key (insertId of a multi-row insert differs per dialect). */
export async function idsByKey(
	db: Transaction<Database>,
	table: 'schools' | 'campuses' | 'users',
	key: 'instellingsnummer' | 'inviteCode' | 'emailKey',
	values: string[]
): Promise<number[]> {
	const ids = new Map<string, number>();
	for (let i = 0; i < values.length; i += batchSize) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const rows: { id: number; k: string }[] = await (db as any)
			.selectFrom(table)
			.select(['id', `${key} as k`])
			.where(key, 'in', values.slice(i, i + batchSize))
			.execute();
		for (const r of rows) ids.set(r.k, r.id);
	}
	return values.map((v) => ids.get(v)!);
}
