import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// The city's identity is data: another Rainbow City runs the same app unchanged.
// value holds language-neutral settings (colours, logo); value_nl/value_en the rest.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('settings')
			.addColumn('key', 'varchar(64)', (c) => c.primaryKey())
			.addColumn('value', 'varchar(1000)')
			.addColumn('value_nl', 'varchar(1000)')
			.addColumn('value_en', 'varchar(1000)')
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addColumn('updated_by', 'integer')
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('settings').execute();
}
