import type { Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// The enrolled classes a slot serves (one or more of the slot's campus).
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('slot_classes')
			.addColumn('slot_id', 'integer', (c) => c.notNull())
			.addColumn('class_id', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('slot_classes_pk', ['slot_id', 'class_id'])
			.addForeignKeyConstraint('slot_classes_slot_fk', ['slot_id'], 'workshop_slots', ['id'])
			.addForeignKeyConstraint('slot_classes_class_fk', ['class_id'], 'classes', ['id'])
	).execute();
	await db.schema.createIndex('slot_classes_class_idx').on('slot_classes').columns(['class_id', 'slot_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('slot_classes').execute();
}
