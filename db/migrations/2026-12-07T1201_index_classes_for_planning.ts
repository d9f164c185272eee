import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// The planning view and the hub count only classes that want a workshop: with the
// participation in the index they still read it alone, as classes_edition_totals_idx did.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('classes_edition_participation_idx').on('classes').columns(['edition_id', 'status', 'participation', 'campus_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('classes_edition_participation_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('classes') : drop).execute();
}
