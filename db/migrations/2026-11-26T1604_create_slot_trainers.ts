import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Who gives a slot. active is 1 while booked and NULL once cancelled, inside the
// unique key: a trainer is booked on a slot at most once, and history stays.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('slot_trainers')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('slot_id', 'integer', (c) => c.notNull())
			.addColumn('trainer_id', 'integer', (c) => c.notNull())
			.addColumn('active', 'integer')
			.addColumn('booked_at', instant(db), (c) => c.notNull())
			.addColumn('booked_by', 'integer', (c) => c.notNull())
			.addColumn('cancelled_at', instant(db))
			.addColumn('cancelled_by', 'integer')
			.addColumn('cancel_reason', 'varchar(200)')
			.addUniqueConstraint('slot_trainers_active_uq', ['slot_id', 'trainer_id', 'active'])
			.addForeignKeyConstraint('slot_trainers_slot_fk', ['slot_id'], 'workshop_slots', ['id'])
			.addForeignKeyConstraint('slot_trainers_trainer_fk', ['trainer_id'], 'users', ['id'])
			.addForeignKeyConstraint('slot_trainers_booked_by_fk', ['booked_by'], 'users', ['id'])
			.addForeignKeyConstraint('slot_trainers_cancelled_by_fk', ['cancelled_by'], 'users', ['id'])
	).execute();
	await db.schema.createIndex('slot_trainers_trainer_idx').on('slot_trainers').columns(['trainer_id', 'active', 'slot_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('slot_trainers').execute();
}
