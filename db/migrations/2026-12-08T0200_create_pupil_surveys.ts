import type { Kysely } from 'kysely';
import { instant, keyText, withTableOptions } from '../schema-helpers';

// The pupils' questionnaire of a class (issue 19.2): one per class and moment
// ('before' or 'after' the workshop), opened by its teacher for a while. `code`
// is the short link's code; it lets a pupil answer, nothing else.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('pupil_surveys')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('class_id', 'integer', (c) => c.notNull())
			.addColumn('moment', 'varchar(10)', (c) => c.notNull())
			.addColumn('code', keyText(db, 16), (c) => c.notNull())
			.addColumn('opened_at', instant(db), (c) => c.notNull())
			.addColumn('closes_at', instant(db), (c) => c.notNull())
			.addColumn('opened_by', 'integer', (c) => c.notNull())
			.addForeignKeyConstraint('pupil_surveys_class_fk', ['class_id'], 'classes', ['id'])
			.addForeignKeyConstraint('pupil_surveys_user_fk', ['opened_by'], 'users', ['id'])
			.addUniqueConstraint('pupil_surveys_code_uq', ['code'])
			.addUniqueConstraint('pupil_surveys_class_moment_uq', ['class_id', 'moment'])
	).execute();
	// Campaigns that ask the same questions before and after the workshop (pairs compared per group, never per pupil).
	await db.schema
		.alterTable('campaigns')
		.addColumn('pupil_before_after', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').dropColumn('pupil_before_after').execute();
	await db.schema.dropTable('pupil_surveys').execute();
}
