import type { Kysely } from 'kysely';
import { calendarDate, instant, withTableOptions } from '../schema-helpers';

// One row per person, material and Brussels day: repeated downloads and the many
// range requests of one video count once (the unique key decides).
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('material_downloads')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('material_id', 'integer', (c) => c.notNull())
			.addColumn('version_id', 'integer')
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('local_date', calendarDate(db), (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('material_downloads_daily_uq', ['material_id', 'user_id', 'local_date'])
			.addForeignKeyConstraint('material_downloads_material_fk', ['material_id'], 'materials', ['id'])
			.addForeignKeyConstraint('material_downloads_version_fk', ['version_id'], 'material_versions', ['id'])
			.addForeignKeyConstraint('material_downloads_campus_fk', ['campus_id'], 'campuses', ['id'])
			.addForeignKeyConstraint('material_downloads_user_fk', ['user_id'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('material_downloads_campus_idx').on('material_downloads').columns(['material_id', 'campus_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('material_downloads').execute();
}
