import { sql } from 'kysely';
import { openDatabase } from '../../../src/lib/server/db/dialect';

/** Drops the per-worker MySQL databases of an earlier run, so every run starts from migrations. */
export default async function setup(): Promise<void> {
	const url = process.env.TEST_MYSQL_URL;
	if (!url) return;
	const admin = await openDatabase(url, { poolSize: 1 });
	try {
		const prefix = (process.env.TEST_DB_PREFIX ?? 'sc_test').replace(/_/g, '\\_');
		const rows = await sql<{ name: string }>`select schema_name as name from information_schema.schemata where schema_name like ${prefix + '\\_w%'}`.execute(
			admin.db
		);
		for (const { name } of rows.rows) await sql`drop database ${sql.id(name)}`.execute(admin.db);
	} finally {
		await admin.close();
	}
}
