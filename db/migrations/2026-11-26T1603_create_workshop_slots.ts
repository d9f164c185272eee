import type { Kysely } from 'kysely';
import { calendarDate, instant, withTableOptions } from '../schema-helpers';

// A workshop slot at a campus. Start and end are UTC instants; local_date is the
// Brussels day they fall on (daily maxima and blocked days are about that day).
// trainers_booked is the counter that the conditional UPDATE raises only while it
// is below trainers_needed. sequence rises on every change, for calendar clients.
// The report (given / not given) lives on the slot: one per workshop.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('workshop_slots')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('local_date', calendarDate(db), (c) => c.notNull())
			.addColumn('starts_at', instant(db), (c) => c.notNull())
			.addColumn('ends_at', instant(db), (c) => c.notNull())
			.addColumn('room', 'varchar(60)')
			.addColumn('language', 'varchar(2)', (c) => c.notNull())
			.addColumn('trainers_needed', 'integer', (c) => c.notNull())
			.addColumn('trainers_booked', 'integer', (c) => c.notNull().defaultTo(0))
			// NULL: no pupil maximum.
			.addColumn('max_pupils', 'integer')
			// NULL: offered to every expert organisation.
			.addColumn('organisation_id', 'integer')
			.addColumn('trainer_note', 'varchar(500)')
			.addColumn('status', 'varchar(20)', (c) => c.notNull())
			.addColumn('cancelled_at', instant(db))
			.addColumn('cancel_reason', 'varchar(200)')
			.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('outcome', 'varchar(20)')
			.addColumn('pupils_present', 'integer')
			.addColumn('duration_minutes', 'integer')
			// Short, and "no pupil names here"; never exported.
			.addColumn('report_note', 'varchar(500)')
			.addColumn('not_given_reason', 'varchar(30)')
			.addColumn('reported_at', instant(db))
			.addColumn('reported_by', 'integer')
			.addColumn('created_by', 'integer', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addForeignKeyConstraint('workshop_slots_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('workshop_slots_campus_fk', ['campus_id'], 'campuses', ['id'])
			.addForeignKeyConstraint('workshop_slots_organisation_fk', ['organisation_id'], 'organisations', ['id'])
			.addForeignKeyConstraint('workshop_slots_reported_by_fk', ['reported_by'], 'users', ['id'])
			.addForeignKeyConstraint('workshop_slots_created_by_fk', ['created_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('workshop_slots_edition_day_idx').on('workshop_slots').columns(['edition_id', 'local_date', 'starts_at']).execute();
	await db.schema.createIndex('workshop_slots_campus_day_idx').on('workshop_slots').columns(['campus_id', 'local_date']).execute();
	await db.schema.createIndex('workshop_slots_open_idx').on('workshop_slots').columns(['edition_id', 'status', 'organisation_id', 'local_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('workshop_slots').execute();
}
