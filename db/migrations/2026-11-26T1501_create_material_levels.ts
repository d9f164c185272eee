import type { Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// The levels a material fits: teachers see it when one of their campus's classes has such a level.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('material_levels')
			.addColumn('material_id', 'integer', (c) => c.notNull())
			.addColumn('level', 'varchar(30)', (c) => c.notNull())
			.addPrimaryKeyConstraint('material_levels_pk', ['material_id', 'level'])
			.addForeignKeyConstraint('material_levels_material_fk', ['material_id'], 'materials', ['id'], (c) => c.onDelete('cascade'))
	).execute();
	await db.schema.createIndex('material_levels_level_idx').on('material_levels').columns(['level', 'material_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('material_levels').execute();
}
