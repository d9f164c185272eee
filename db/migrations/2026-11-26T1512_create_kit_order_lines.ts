import { sql, type Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// The quantities of an order; a line with quantity 0 is never stored.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('kit_order_lines')
			.addColumn('order_id', 'integer', (c) => c.notNull())
			.addColumn('item_id', 'integer', (c) => c.notNull())
			.addColumn('quantity', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('kit_order_lines_pk', ['order_id', 'item_id'])
			.addForeignKeyConstraint('kit_order_lines_order_fk', ['order_id'], 'kit_orders', ['id'], (c) => c.onDelete('cascade'))
			.addForeignKeyConstraint('kit_order_lines_item_fk', ['item_id'], 'kit_items', ['id'])
			.addCheckConstraint('kit_order_lines_quantity_ck', sql`quantity > 0`)
	).execute();
	await db.schema.createIndex('kit_order_lines_item_idx').on('kit_order_lines').columns(['item_id', 'order_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kit_order_lines').execute();
}
