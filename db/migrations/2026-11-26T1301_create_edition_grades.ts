import type { Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// The grades (leerjaren) an edition is meant for; its levels follow from them.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('edition_grades')
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('grade', 'varchar(4)', (c) => c.notNull())
			.addPrimaryKeyConstraint('edition_grades_pk', ['edition_id', 'grade'])
			.addForeignKeyConstraint('edition_grades_edition_fk', ['edition_id'], 'editions', ['id'], (c) => c.onDelete('cascade'))
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('edition_grades').execute();
}
