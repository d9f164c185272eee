import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// Sorted by school or campus, the overview walks schools (or campuses) in name order and each campus's classes of the edition by name from this index, so a page needs no sort of the whole edition.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('classes_campus_edition_name_idx').on('classes').columns(['campus_id', 'edition_id', 'name_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('classes_campus_edition_name_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('classes') : drop).execute();
}
