import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Stored files that were asked for and not found (a restore without the files
// folder, a disk cleaned by hand). The download answers 404; this row is how the
// coordinator hears of it: the dashboard names the materials whose current file
// is listed here, until the file is back or a new version replaces it.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('missing_files')
			.addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
			.addColumn('first_noticed_at', instant(db), (c) => c.notNull())
			.addColumn('last_noticed_at', instant(db), (c) => c.notNull())
			.addColumn('requests', 'integer', (c) => c.notNull())
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('missing_files').execute();
}
