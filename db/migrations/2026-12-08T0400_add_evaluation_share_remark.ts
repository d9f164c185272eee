import type { Kysely } from 'kysely';

// Issue 19.4: a teacher's remark goes into the council report only when they
// agreed (1), without their name or the class's. Existing evaluations were never
// asked, hence the default: not shared.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('class_evaluations')
		.addColumn('share_remark', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('class_evaluations').dropColumn('share_remark').execute();
}
