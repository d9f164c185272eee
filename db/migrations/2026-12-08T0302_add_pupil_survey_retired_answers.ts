import type { Kysely } from 'kysely';

// How many raw answers of a questionnaire were folded into pupil_score_tallies and
// deleted (issue 19.5): the figures count a questionnaire's answers as its raw
// answers plus these, so a group's size survives the deletion of its answers.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('pupil_surveys')
		.addColumn('retired_answers', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('pupil_surveys').dropColumn('retired_answers').execute();
}
