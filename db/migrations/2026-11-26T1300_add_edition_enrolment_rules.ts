import type { Kysely } from 'kysely';

// What an edition offers and its quotas: copied with "new edition from the previous one".
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('editions').addColumn('description_nl', 'text').execute();
	await db.schema.alterTable('editions').addColumn('description_en', 'text').execute();
	// NULL: no maximum.
	await db.schema.alterTable('editions').addColumn('max_classes', 'integer').execute();
	await db.schema.alterTable('editions').addColumn('max_classes_per_campus', 'integer').execute();
	// Taken from the previous edition when copying; NULL for an edition made from scratch.
	await db.schema.alterTable('editions').addColumn('copied_from_edition_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['copied_from_edition_id', 'max_classes_per_campus', 'max_classes', 'description_en', 'description_nl']) {
		await db.schema.alterTable('editions').dropColumn(column).execute();
	}
}
