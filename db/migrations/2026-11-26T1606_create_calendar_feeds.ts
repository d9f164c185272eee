import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Private calendar feed addresses: only the SHA-256 of the token is kept. A trainer
// has one feed (edition_id NULL); a coordinator one per edition. Regenerating
// revokes the old row, so the old address stops working.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('calendar_feeds')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('token_hash', 'char(64)', (c) => c.notNull())
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('edition_id', 'integer')
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('revoked_at', instant(db))
			.addUniqueConstraint('calendar_feeds_token_uq', ['token_hash'])
			.addForeignKeyConstraint('calendar_feeds_user_fk', ['user_id'], 'users', ['id'])
			.addForeignKeyConstraint('calendar_feeds_edition_fk', ['edition_id'], 'editions', ['id'])
	).execute();
	await db.schema.createIndex('calendar_feeds_user_idx').on('calendar_feeds').columns(['user_id', 'edition_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feeds').execute();
}
