import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// Which campuses a teacher works at; a teacher only ever sees these campuses' classes.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('teacher_campuses')
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('campus_id', 'integer', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addPrimaryKeyConstraint('teacher_campuses_pk', ['user_id', 'campus_id'])
			.addForeignKeyConstraint('teacher_campuses_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
			.addForeignKeyConstraint('teacher_campuses_campus_fk', ['campus_id'], 'campuses', ['id'])
	).execute();
	await db.schema.createIndex('teacher_campuses_campus_idx').on('teacher_campuses').columns(['campus_id', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('teacher_campuses').execute();
}
