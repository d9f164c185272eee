import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Every file a material has had; the highest version is the one teachers get.
// sha256 names the stored file: copies of an edition point to the same bytes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('material_versions')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('material_id', 'integer', (c) => c.notNull())
			.addColumn('version', 'integer', (c) => c.notNull())
			.addColumn('sha256', 'char(64)', (c) => c.notNull())
			.addColumn('size', 'bigint', (c) => c.notNull())
			.addColumn('content_type', 'varchar(100)', (c) => c.notNull())
			.addColumn('original_name', 'varchar(200)', (c) => c.notNull())
			.addColumn('uploaded_by', 'integer', (c) => c.notNull())
			.addColumn('uploaded_at', instant(db), (c) => c.notNull())
			// Two replacements at once cannot both become version n+1.
			.addUniqueConstraint('material_versions_uq', ['material_id', 'version'])
			.addForeignKeyConstraint('material_versions_material_fk', ['material_id'], 'materials', ['id'])
			.addForeignKeyConstraint('material_versions_uploaded_by_fk', ['uploaded_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('material_versions_sha256_idx').on('material_versions').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('material_versions').execute();
}
