import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// The school as an institution; the official instellingsnummer belongs to it.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('schools')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('name', 'varchar(150)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 150), (c) => c.notNull())
			.addColumn('instellingsnummer', 'varchar(10)')
			.addColumn('organisation_id', 'integer')
			// 1 while in use, NULL when deactivated (kept for history).
			.addColumn('active', 'integer')
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('schools_instellingsnummer_uq', ['instellingsnummer'])
			.addForeignKeyConstraint('schools_organisation_fk', ['organisation_id'], 'organisations', ['id'])
	).execute();
	await db.schema.createIndex('schools_name_key_idx').on('schools').column('name_key').execute();
	await db.schema.createIndex('schools_organisation_idx').on('schools').column('organisation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('schools').execute();
}
