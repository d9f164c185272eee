import { sql, type Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// How many classes of a campus are enrolled in an edition (the per-campus quota),
// kept beside edition_class_counters by the same writes under the edition's lock.
// A row exists once a campus has had an enrolled class; no row means 0.
// Backfilled from the classes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('campus_class_counters')
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('enrolled', 'integer', (c) => c.notNull().defaultTo(0))
			.addPrimaryKeyConstraint('campus_class_counters_pk', ['edition_id', 'campus_id'])
			.addForeignKeyConstraint('campus_class_counters_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('campus_class_counters_campus_fk', ['campus_id'], 'campuses', ['id'])
	).execute();
	await db
		.insertInto('campus_class_counters')
		.columns(['edition_id', 'campus_id', 'enrolled'])
		.expression((eb) =>
			eb
				.selectFrom('classes')
				.select(['classes.edition_id', 'classes.campus_id', sql<number>`count(*)`.as('enrolled')])
				.where('classes.status', '=', 'enrolled')
				.groupBy(['classes.edition_id', 'classes.campus_id'])
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campus_class_counters').execute();
}
