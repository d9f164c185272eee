import type { Kysely } from 'kysely';
import { calendarDate, withTableOptions } from '../schema-helpers';

// Up to three half-days a teacher prefers for the workshop (used by the planning).
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('class_preferred_half_days')
			.addColumn('class_id', 'integer', (c) => c.notNull())
			.addColumn('local_date', calendarDate(db), (c) => c.notNull())
			.addColumn('part', 'varchar(2)', (c) => c.notNull())
			.addPrimaryKeyConstraint('class_preferred_half_days_pk', ['class_id', 'local_date', 'part'])
			.addForeignKeyConstraint('class_preferred_half_days_class_fk', ['class_id'], 'classes', ['id'], (c) => c.onDelete('cascade'))
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('class_preferred_half_days').execute();
}
