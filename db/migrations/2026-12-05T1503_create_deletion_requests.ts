import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// A user's request to delete their account. `active` is 1 while open and NULL once
// withdrawn or carried out, inside the unique key: one open request per user,
// enforced by the database, while history never blocks a new request.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('deletion_requests')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('reason', 'varchar(500)')
			.addColumn('status', 'varchar(20)', (c) => c.notNull())
			.addColumn('active', 'integer')
			.addColumn('requested_at', instant(db), (c) => c.notNull())
			.addColumn('resolved_at', instant(db))
			.addColumn('resolved_by', 'integer')
			.addForeignKeyConstraint('deletion_requests_user_fk', ['user_id'], 'users', ['id'])
			.addUniqueConstraint('deletion_requests_open_uq', ['user_id', 'active'])
	).execute();
	await db.schema.createIndex('deletion_requests_active_idx').on('deletion_requests').columns(['active', 'requested_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('deletion_requests').execute();
}
