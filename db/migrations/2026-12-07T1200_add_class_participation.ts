import type { Kysely } from 'kysely';

// How a class takes part: 'workshop' (a workshop plus the materials, as before) or
// 'materials' (the materials and kit only: never planned on a workshop slot).
// Existing classes all asked for a workshop, hence the default.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('classes')
		.addColumn('participation', 'varchar(20)', (c) => c.notNull().defaultTo('workshop'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('classes').dropColumn('participation').execute();
}
