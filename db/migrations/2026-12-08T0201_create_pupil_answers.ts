import type { Kysely } from 'kysely';
import { calendarDate, instant, withTableOptions } from '../schema-helpers';

// A pupil's answer (issue 19.2): the questionnaire and the day, nothing else. No
// name, no account, no address, no time of day, no device. The scores sit in
// pupil_answer_scores. Raw answers are deleted some time after the edition is
// archived; pupil_score_tallies keeps their counts per questionnaire.
//
// pupil_device_marks holds, while a questionnaire is open and a day after, a
// keyed hash of (questionnaire, device) so a device answers once. It has no link
// to the answer it allowed: no answer id, no time, no order.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('pupil_answers')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('survey_id', 'integer', (c) => c.notNull())
			.addColumn('answered_on', calendarDate(db), (c) => c.notNull())
			.addForeignKeyConstraint('pupil_answers_survey_fk', ['survey_id'], 'pupil_surveys', ['id'])
	).execute();
	await db.schema.createIndex('pupil_answers_survey_idx').on('pupil_answers').column('survey_id').execute();
	await withTableOptions(
		db,
		db.schema
			.createTable('pupil_answer_scores')
			.addColumn('answer_id', 'integer', (c) => c.notNull())
			.addColumn('question_id', 'integer', (c) => c.notNull())
			.addColumn('score', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('pupil_answer_scores_pk', ['answer_id', 'question_id'])
			.addForeignKeyConstraint('pupil_answer_scores_answer_fk', ['answer_id'], 'pupil_answers', ['id'])
			.addForeignKeyConstraint('pupil_answer_scores_question_fk', ['question_id'], 'campaign_questions', ['id'])
	).execute();
	await withTableOptions(
		db,
		db.schema
			.createTable('pupil_score_tallies')
			.addColumn('survey_id', 'integer', (c) => c.notNull())
			.addColumn('question_id', 'integer', (c) => c.notNull())
			.addColumn('score', 'integer', (c) => c.notNull())
			.addColumn('answers', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('pupil_score_tallies_pk', ['survey_id', 'question_id', 'score'])
			.addForeignKeyConstraint('pupil_score_tallies_survey_fk', ['survey_id'], 'pupil_surveys', ['id'])
			.addForeignKeyConstraint('pupil_score_tallies_question_fk', ['question_id'], 'campaign_questions', ['id'])
	).execute();
	await withTableOptions(
		db,
		db.schema
			.createTable('pupil_device_marks')
			.addColumn('survey_id', 'integer', (c) => c.notNull())
			.addColumn('mark', 'char(64)', (c) => c.notNull())
			.addColumn('expires_at', instant(db), (c) => c.notNull())
			.addPrimaryKeyConstraint('pupil_device_marks_pk', ['survey_id', 'mark'])
	).execute();
	await db.schema.createIndex('pupil_device_marks_expiry_idx').on('pupil_device_marks').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pupil_device_marks').execute();
	await db.schema.dropTable('pupil_score_tallies').execute();
	await db.schema.dropTable('pupil_answer_scores').execute();
	await db.schema.dropTable('pupil_answers').execute();
}
