import type { Kysely } from 'kysely';

// The workshop rules of an edition, copied with "new edition from the previous one".
// Defaults are what PAARS used by mail: half an hour to travel between campuses,
// at most four workshops a day per trainer, cancelling up to a week before.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('editions')
		.addColumn('travel_buffer_minutes', 'integer', (c) => c.notNull().defaultTo(30))
		.execute();
	await db.schema
		.alterTable('editions')
		.addColumn('max_workshops_per_trainer_day', 'integer', (c) => c.notNull().defaultTo(4))
		.execute();
	await db.schema
		.alterTable('editions')
		.addColumn('cancellation_deadline_days', 'integer', (c) => c.notNull().defaultTo(7))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['cancellation_deadline_days', 'max_workshops_per_trainer_day', 'travel_buffer_minutes']) {
		await db.schema.alterTable('editions').dropColumn(column).execute();
	}
}
