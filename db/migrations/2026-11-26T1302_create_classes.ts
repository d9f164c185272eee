import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// An enrolled class: counts only, never pupils' names. Waiting-list positions are
// derived from (queued_at, id) at read time, so they are always consecutive.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('classes')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('name', 'varchar(40)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 40), (c) => c.notNull())
			.addColumn('grade', 'varchar(4)', (c) => c.notNull())
			.addColumn('level', 'varchar(30)', (c) => c.notNull())
			.addColumn('pupil_count', 'integer', (c) => c.notNull())
			.addColumn('language', 'varchar(2)', (c) => c.notNull())
			.addColumn('remarks', 'varchar(500)')
			.addColumn('status', 'varchar(20)', (c) => c.notNull())
			// 1 unless withdrawn (then NULL), so a withdrawn "5B" leaves the name free.
			.addColumn('active', 'integer')
			.addColumn('queued_at', instant(db), (c) => c.notNull())
			.addColumn('enrolled_by', 'integer', (c) => c.notNull())
			.addColumn('withdrawn_at', instant(db))
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('classes_name_uq', ['edition_id', 'campus_id', 'name_key', 'active'])
			.addForeignKeyConstraint('classes_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('classes_campus_fk', ['campus_id'], 'campuses', ['id'])
			.addForeignKeyConstraint('classes_enrolled_by_fk', ['enrolled_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('classes_edition_status_idx').on('classes').columns(['edition_id', 'status', 'queued_at', 'id']).execute();
	await db.schema.createIndex('classes_campus_idx').on('classes').columns(['campus_id', 'edition_id', 'status']).execute();
	await db.schema.createIndex('classes_edition_grade_idx').on('classes').columns(['edition_id', 'grade']).execute();
	await db.schema.createIndex('classes_edition_level_idx').on('classes').columns(['edition_id', 'level']).execute();
	await db.schema.createIndex('classes_enrolled_by_idx').on('classes').columns(['enrolled_by', 'edition_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('classes').execute();
}
