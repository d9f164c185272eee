import type { Kysely } from 'kysely';
import { withTableOptions } from '../schema-helpers';

// One score (1 to 5) per question of a class evaluation.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('class_evaluation_scores')
			.addColumn('evaluation_id', 'integer', (c) => c.notNull())
			.addColumn('question_id', 'integer', (c) => c.notNull())
			.addColumn('score', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('class_evaluation_scores_pk', ['evaluation_id', 'question_id'])
			.addForeignKeyConstraint('class_evaluation_scores_evaluation_fk', ['evaluation_id'], 'class_evaluations', ['id'])
			.addForeignKeyConstraint('class_evaluation_scores_question_fk', ['question_id'], 'campaign_questions', ['id'])
	).execute();
	await db.schema.createIndex('class_evaluation_scores_question_idx').on('class_evaluation_scores').column('question_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('class_evaluation_scores').execute();
}
