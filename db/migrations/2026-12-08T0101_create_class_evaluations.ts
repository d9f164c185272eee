import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// A teacher's evaluation of a class's workshop (issue 19.1): one per class, by
// the teacher who enrolled it, editable for a week after `submitted_at`.
// `share_name` 1: the teacher agrees that the workshop's trainers see their name.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('class_evaluations')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('class_id', 'integer', (c) => c.notNull())
			.addColumn('answered_by', 'integer', (c) => c.notNull())
			.addColumn('remark', 'varchar(1000)')
			.addColumn('share_name', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('submitted_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addForeignKeyConstraint('class_evaluations_class_fk', ['class_id'], 'classes', ['id'])
			.addForeignKeyConstraint('class_evaluations_user_fk', ['answered_by'], 'users', ['id'])
			.addUniqueConstraint('class_evaluations_class_uq', ['class_id'])
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('class_evaluations').execute();
}
