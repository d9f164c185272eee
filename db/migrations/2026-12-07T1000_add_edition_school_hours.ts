import type { Kysely } from 'kysely';

// When an edition's workshops can be held: per weekday (Monday first) a Brussels
// "HH:MM-HH:MM" window or empty for none, comma-separated. Copied with the edition.
// The default is the Flemish school week: weekdays 08:30-16:00, Wednesday until noon.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('editions')
		.addColumn('school_hours', 'varchar(100)', (c) => c.notNull().defaultTo('08:30-16:00,08:30-16:00,08:30-12:00,08:30-16:00,08:30-16:00,,'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('editions').dropColumn('school_hours').execute();
}
