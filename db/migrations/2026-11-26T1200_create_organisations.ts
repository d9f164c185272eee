import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// Expert organisations (Wel Jong, çavaria) and, optionally, school boards.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('organisations')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('name', 'varchar(150)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 150), (c) => c.notNull())
			.addColumn('kind', 'varchar(20)', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('organisations_name_key_uq', ['name_key'])
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('organisations').execute();
}
