import type { Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// The levels (niveaus) a campus offers, as rows so they can be filtered by index.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('campus_levels')
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('level', 'varchar(30)', (c) => c.notNull())
			.addPrimaryKeyConstraint('campus_levels_pk', ['campus_id', 'level'])
			.addForeignKeyConstraint('campus_levels_campus_fk', ['campus_id'], 'campuses', ['id'], (c) => c.onDelete('cascade'))
	).execute();
	await db.schema.createIndex('campus_levels_level_idx').on('campus_levels').columns(['level', 'campus_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campus_levels').execute();
}
