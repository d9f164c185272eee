import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// Exports read an edition's classes in keyset chunks (edition_id = ? AND id > ? ORDER BY id): this index walks them in id order, without sorting the edition for every chunk.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('classes_edition_id_idx').on('classes').columns(['edition_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('classes_edition_id_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('classes') : drop).execute();
}
