import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Only the SHA-256 of the session token is stored: a leaked table logs nobody in.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('sessions')
			.addColumn('id', 'char(64)', (c) => c.primaryKey())
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('last_seen_at', instant(db), (c) => c.notNull())
			.addColumn('idle_expires_at', instant(db), (c) => c.notNull())
			.addColumn('expires_at', instant(db), (c) => c.notNull())
			.addColumn('device_label', 'varchar(200)', (c) => c.notNull().defaultTo(''))
			.addForeignKeyConstraint('sessions_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
	).execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
	await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sessions').execute();
}
