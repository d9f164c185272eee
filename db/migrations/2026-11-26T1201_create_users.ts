import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('users')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('email', 'varchar(254)', (c) => c.notNull())
			// Lower-cased e-mail: unique the same way on both databases.
			.addColumn('email_key', keyText(db, 254), (c) => c.notNull())
			.addColumn('display_name', 'varchar(100)', (c) => c.notNull())
			// NULL until an invited user sets a password.
			.addColumn('password_hash', 'varchar(255)')
			.addColumn('locale', 'varchar(2)', (c) => c.notNull().defaultTo('nl'))
			.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('email_confirmed_at', instant(db))
			// Trainers belong to an expert organisation.
			.addColumn('organisation_id', 'integer')
			.addColumn('last_login_at', instant(db))
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('users_email_key_uq', ['email_key'])
			.addForeignKeyConstraint('users_organisation_fk', ['organisation_id'], 'organisations', ['id'])
	).execute();
	await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('users').execute();
}
