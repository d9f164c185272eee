import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// A campus (vestigingsplaats) is a site of a school with its own address.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('campuses')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('school_id', 'integer', (c) => c.notNull())
			.addColumn('name', 'varchar(150)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 150), (c) => c.notNull())
			.addColumn('street', 'varchar(150)', (c) => c.notNull())
			.addColumn('postal_code', 'varchar(10)', (c) => c.notNull())
			.addColumn('city', 'varchar(100)', (c) => c.notNull())
			.addColumn('contact_name', 'varchar(100)')
			.addColumn('contact_email', 'varchar(254)')
			.addColumn('contact_phone', 'varchar(30)')
			// Crockford base32, normalised (upper case, no separators). Teachers register with it.
			.addColumn('invite_code', keyText(db, 12), (c) => c.notNull())
			.addColumn('active', 'integer')
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('campuses_invite_code_uq', ['invite_code'])
			// A name is unique within a school among active campuses.
			.addUniqueConstraint('campuses_school_name_uq', ['school_id', 'name_key', 'active'])
			.addForeignKeyConstraint('campuses_school_fk', ['school_id'], 'schools', ['id'])
	).execute();
	await db.schema.createIndex('campuses_name_key_idx').on('campuses').column('name_key').execute();
	await db.schema.createIndex('campuses_city_idx').on('campuses').columns(['city', 'name_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campuses').execute();
}
