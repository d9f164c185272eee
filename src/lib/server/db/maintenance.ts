import { sql } from 'kysely';
import type { Db } from './index';
import type { DialectName } from './dialect';

/** One trivial statement: throws when the database cannot be reached (checked once at start-up). */
export async function pingDatabase(db: Db): Promise<void> {
	await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
}

/** SQLite plans the cross-table overview well only with fresh statistics; MySQL keeps its own. */
export async function refreshStatistics(db: Db, dialect: DialectName): Promise<void> {
	if (dialect === 'sqlite') await sql`pragma optimize`.execute(db);
}
