import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// One-time links (e-mail confirmation, invitation, password reset), stored as hashes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('auth_tokens')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('token_hash', 'char(64)', (c) => c.notNull())
			.addColumn('purpose', 'varchar(30)', (c) => c.notNull())
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('expires_at', instant(db), (c) => c.notNull())
			.addColumn('used_at', instant(db))
			.addUniqueConstraint('auth_tokens_hash_uq', ['token_hash'])
			.addForeignKeyConstraint('auth_tokens_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
	).execute();
	await db.schema.createIndex('auth_tokens_user_idx').on('auth_tokens').columns(['user_id', 'purpose']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('auth_tokens').execute();
}
