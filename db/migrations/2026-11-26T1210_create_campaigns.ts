import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// A campaign (PAARS) runs again every year as an edition.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('campaigns')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('name', 'varchar(100)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 100), (c) => c.notNull())
			.addColumn('description_nl', 'text')
			.addColumn('description_en', 'text')
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('campaigns_name_key_uq', ['name_key'])
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campaigns').execute();
}
