import type { Kysely } from 'kysely';
import { instant, keyText, longText, withTableOptions } from '../schema-helpers';

// A participation certificate: what it certifies (subject_key "class:<id>",
// "campus:<id>" or "trainer:<id>" within the edition) and its verification code
// (Crockford base32, stored normalised: upper case, no separators). active is 1
// until revoked (then NULL), inside the unique key: one valid certificate per
// subject, while revoked ones stay verifiable as revoked. facts_json keeps what
// was certified at issue time, so a certificate never changes its story.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('certificates')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('code', keyText(db, 20), (c) => c.notNull())
			.addColumn('kind', 'varchar(10)', (c) => c.notNull())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('subject_key', 'varchar(40)', (c) => c.notNull())
			.addColumn('campus_id', 'integer')
			.addColumn('class_id', 'integer')
			.addColumn('trainer_id', 'integer')
			.addColumn('facts_json', longText(db), (c) => c.notNull())
			.addColumn('active', 'integer')
			.addColumn('issued_by', 'integer')
			.addColumn('issued_at', instant(db), (c) => c.notNull())
			.addColumn('revoked_at', instant(db))
			.addColumn('revoked_by', 'integer')
			.addColumn('revoke_reason', 'varchar(200)')
			.addColumn('replaces_id', 'integer')
			.addUniqueConstraint('certificates_code_uq', ['code'])
			.addUniqueConstraint('certificates_subject_uq', ['edition_id', 'subject_key', 'active'])
			.addForeignKeyConstraint('certificates_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('certificates_campus_fk', ['campus_id'], 'campuses', ['id'])
			.addForeignKeyConstraint('certificates_class_fk', ['class_id'], 'classes', ['id'])
			.addForeignKeyConstraint('certificates_trainer_fk', ['trainer_id'], 'users', ['id'])
			.addForeignKeyConstraint('certificates_issued_by_fk', ['issued_by'], 'users', ['id'])
			.addForeignKeyConstraint('certificates_revoked_by_fk', ['revoked_by'], 'users', ['id'])
			// SET NULL: InnoDB checks a self-reference row by row, so emptying the table would otherwise fail.
			.addForeignKeyConstraint('certificates_replaces_fk', ['replaces_id'], 'certificates', ['id'], (c) => c.onDelete('set null'))
	).execute();
	await db.schema.createIndex('certificates_edition_kind_idx').on('certificates').columns(['edition_id', 'kind', 'campus_id']).execute();
	await db.schema.createIndex('certificates_class_idx').on('certificates').columns(['class_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('certificates').execute();
}
