import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Digital material of an edition: a stored file (see material_versions) or a link.
// Retired materials stay, so their download history stays countable.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('materials')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('kind', 'varchar(10)', (c) => c.notNull())
			.addColumn('title_nl', 'varchar(200)', (c) => c.notNull())
			.addColumn('title_en', 'varchar(200)', (c) => c.notNull())
			.addColumn('description_nl', 'varchar(2000)')
			.addColumn('description_en', 'varchar(2000)')
			.addColumn('language', 'varchar(2)', (c) => c.notNull())
			.addColumn('sort_order', 'integer', (c) => c.notNull())
			.addColumn('url', 'varchar(2000)')
			.addColumn('retired_at', instant(db))
			.addColumn('created_by', 'integer', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addForeignKeyConstraint('materials_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('materials_created_by_fk', ['created_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('materials_edition_order_idx').on('materials').columns(['edition_id', 'sort_order', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('materials').execute();
}
