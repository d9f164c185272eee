import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// Rate-limit buckets live in the database so limits hold across app processes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('rate_limits')
			.addColumn('bucket', keyText(db, 191), (c) => c.primaryKey())
			.addColumn('hits', 'integer', (c) => c.notNull())
			.addColumn('window_started_at', instant(db), (c) => c.notNull())
			.addColumn('blocked_until', instant(db))
	).execute();
	await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rate_limits').execute();
}
