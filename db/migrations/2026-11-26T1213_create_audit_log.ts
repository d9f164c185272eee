import type { Kysely } from 'kysely';
import { instant, longText, withTableOptions } from '../schema-helpers';

// Who did what to which entity, with before/after, written in the same transaction.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('audit_log')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('actor_user_id', 'integer')
			.addColumn('action', 'varchar(100)', (c) => c.notNull())
			.addColumn('entity_type', 'varchar(50)', (c) => c.notNull())
			.addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
			.addColumn('before_json', longText(db))
			.addColumn('after_json', longText(db))
			.addColumn('created_at', instant(db), (c) => c.notNull())
	).execute();
	await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id', 'id']).execute();
	await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_user_id', 'id']).execute();
	await db.schema.createIndex('audit_log_created_idx').on('audit_log').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
}
