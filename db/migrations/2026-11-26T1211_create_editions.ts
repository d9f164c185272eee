import type { Kysely } from 'kysely';
import { calendarDate, instant, withTableOptions } from '../schema-helpers';

// An edition is one year of a campaign. Its lifecycle (draft, published, archived)
// is stored; whether enrolment is open is derived from the window, never stored.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('editions')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('campaign_id', 'integer', (c) => c.notNull())
			.addColumn('year', 'integer', (c) => c.notNull())
			.addColumn('name', 'varchar(100)', (c) => c.notNull())
			.addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
			.addColumn('enrolment_opens_at', instant(db), (c) => c.notNull())
			.addColumn('enrolment_closes_at', instant(db), (c) => c.notNull())
			.addColumn('workshop_starts_on', calendarDate(db), (c) => c.notNull())
			.addColumn('workshop_ends_on', calendarDate(db), (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('editions_campaign_year_uq', ['campaign_id', 'year'])
			.addForeignKeyConstraint('editions_campaign_fk', ['campaign_id'], 'campaigns', ['id'])
	).execute();
	await db.schema.createIndex('editions_status_idx').on('editions').columns(['status', 'enrolment_opens_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('editions').execute();
}
