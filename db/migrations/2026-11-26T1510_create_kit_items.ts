import { sql, type Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// The physical kit catalogue of an edition, with its stock on the item row.
// Stock model: on_hand counts every unit that entered this edition's stock (also
// those handed out since); available = on_hand - reserved - handed_out. The CHECK
// constraints are a last line of defence (SQLite and MariaDB 10.2+ enforce them);
// the services decide with conditional UPDATEs.
// Allowance: 'per_pupil' uses margin_per_mille (1100 = enrolled pupils x 1.1,
// rounded up); 'fixed_per_campus' uses fixed_quantity. Integers on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('kit_items')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('edition_id', 'integer', (c) => c.notNull())
			.addColumn('name_nl', 'varchar(100)', (c) => c.notNull())
			.addColumn('name_en', 'varchar(100)', (c) => c.notNull())
			.addColumn('name_key', keyText(db, 100), (c) => c.notNull())
			.addColumn('unit_nl', 'varchar(40)', (c) => c.notNull())
			.addColumn('unit_en', 'varchar(40)', (c) => c.notNull())
			// NULL: meant for every level.
			.addColumn('level', 'varchar(30)')
			.addColumn('allowance_kind', 'varchar(20)', (c) => c.notNull())
			.addColumn('margin_per_mille', 'integer')
			.addColumn('fixed_quantity', 'integer')
			// NULL: low when fewer than 10% of on_hand (rounded up) is still available.
			.addColumn('low_stock_threshold', 'integer')
			.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
			// 1, or NULL once retired (frees the name in the unique key).
			.addColumn('active', 'integer')
			.addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('handed_out', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('kit_items_name_uq', ['edition_id', 'name_key', 'active'])
			.addForeignKeyConstraint('kit_items_edition_fk', ['edition_id'], 'editions', ['id'])
			.addCheckConstraint('kit_items_on_hand_ck', sql`on_hand >= 0`)
			.addCheckConstraint('kit_items_reserved_ck', sql`reserved >= 0`)
			.addCheckConstraint('kit_items_handed_out_ck', sql`handed_out >= 0`)
			.addCheckConstraint('kit_items_available_ck', sql`reserved + handed_out <= on_hand`)
			.addCheckConstraint('kit_items_allowance_ck', sql`allowance_kind in ('per_pupil', 'fixed_per_campus')`)
	).execute();
	await db.schema.createIndex('kit_items_edition_idx').on('kit_items').columns(['edition_id', 'sort_order', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kit_items').execute();
}
