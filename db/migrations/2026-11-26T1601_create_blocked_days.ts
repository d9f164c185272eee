import type { Kysely } from 'kysely';
import { calendarDate, withTableOptions } from '../schema-helpers';

// Days of an edition on which no workshop slot may be placed: public holidays
// (prefilled), school holidays, study days, exam weeks. One row per day.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('blocked_days')
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('local_date', calendarDate(db), (c) => c.notNull())
			.addColumn('kind', 'varchar(20)', (c) => c.notNull())
			.addColumn('label', 'varchar(100)')
			.addPrimaryKeyConstraint('blocked_days_pk', ['edition_id', 'local_date'])
			.addForeignKeyConstraint('blocked_days_edition_fk', ['edition_id'], 'editions', ['id'])
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('blocked_days').execute();
}
