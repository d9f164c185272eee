import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// The questions a campaign asks after a workshop (issue 19). `audience` says who
// answers ('teacher' now; the pupils' questionnaire later reuses the table), `kind`
// how ('scale': 1 to 5). Answered questions are never deleted, only deactivated
// (`active` NULL), so old answers keep their question text.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('campaign_questions')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('campaign_id', 'integer', (c) => c.notNull())
			.addColumn('audience', 'varchar(20)', (c) => c.notNull())
			.addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('scale'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('text_nl', 'varchar(300)', (c) => c.notNull())
			.addColumn('text_en', 'varchar(300)', (c) => c.notNull())
			.addColumn('active', 'integer')
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addColumn('updated_at', instant(db), (c) => c.notNull())
			.addForeignKeyConstraint('campaign_questions_campaign_fk', ['campaign_id'], 'campaigns', ['id'])
	).execute();
	await db.schema.createIndex('campaign_questions_campaign_idx').on('campaign_questions').columns(['campaign_id', 'audience', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campaign_questions').execute();
}
