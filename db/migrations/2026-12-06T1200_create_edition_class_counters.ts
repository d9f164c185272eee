import { sql, type Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// How many classes of an edition are enrolled, kept up to date by every write to
// its classes under the edition's lock, so a quota check reads one row instead of
// counting 100,000 classes while the whole edition waits. `version` goes up with
// every class write of the edition: caches of edition-wide figures in any app
// process compare it to know they are stale. Backfilled from the classes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('edition_class_counters')
			.addColumn('edition_id', 'integer', (c) => c.primaryKey())
			.addColumn('enrolled', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
			.addForeignKeyConstraint('edition_class_counters_edition_fk', ['edition_id'], 'editions', ['id'])
	).execute();
	await db
		.insertInto('edition_class_counters')
		.columns(['edition_id', 'enrolled', 'version'])
		.expression((eb) =>
			eb.selectFrom('editions').select([
				'editions.id',
				eb
					.selectFrom('classes')
					.select(sql<number>`count(*)`.as('n'))
					.whereRef('classes.edition_id', '=', 'editions.id')
					.where('classes.status', '=', 'enrolled')
					.as('enrolled'),
				sql<number>`0`.as('version')
			])
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('edition_class_counters').execute();
}
