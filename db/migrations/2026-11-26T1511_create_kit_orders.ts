import type { Kysely } from 'kysely';
import { calendarDate, instant, withTableOptions } from '../schema-helpers';

// A campus's kit order in an edition. open is 1 while the order is draft or
// submitted and NULL afterwards, inside a unique key: one open order per campus
// per edition, decided by the database. supplementary_of points to the approved
// order a later one adds to.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('kit_orders')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('status', 'varchar(20)', (c) => c.notNull())
			.addColumn('open', 'integer')
			.addColumn('delivery', 'varchar(10)', (c) => c.notNull())
			// Short, and "no pupil names here"; never exported.
			.addColumn('remarks', 'varchar(500)')
			.addColumn('supplementary_of', 'integer')
			.addColumn('created_by', 'integer', (c) => c.notNull())
			.addColumn('updated_by', 'integer', (c) => c.notNull())
			.addColumn('approved_by', 'integer')
			.addColumn('approved_at', instant(db))
			.addColumn('packed_at', instant(db))
			.addColumn('handed_over_on', calendarDate(db))
			.addColumn('received_by', 'varchar(100)')
			.addColumn('cancelled_at', instant(db))
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('kit_orders_open_uq', ['edition_id', 'campus_id', 'open'])
			.addForeignKeyConstraint('kit_orders_edition_fk', ['edition_id'], 'editions', ['id'])
			.addForeignKeyConstraint('kit_orders_campus_fk', ['campus_id'], 'campuses', ['id'])
			// SET NULL: InnoDB checks a self-reference row by row, so emptying the table would otherwise fail.
			.addForeignKeyConstraint('kit_orders_supplementary_fk', ['supplementary_of'], 'kit_orders', ['id'], (c) => c.onDelete('set null'))
			.addForeignKeyConstraint('kit_orders_created_by_fk', ['created_by'], 'users', ['id'])
			.addForeignKeyConstraint('kit_orders_updated_by_fk', ['updated_by'], 'users', ['id'])
			.addForeignKeyConstraint('kit_orders_approved_by_fk', ['approved_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('kit_orders_edition_status_idx').on('kit_orders').columns(['edition_id', 'status', 'campus_id']).execute();
	await db.schema.createIndex('kit_orders_campus_idx').on('kit_orders').columns(['campus_id', 'edition_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kit_orders').execute();
}
