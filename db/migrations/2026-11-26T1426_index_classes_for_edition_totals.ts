import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// The overview's totals (campuses taking part, classes, pupils reached, waiting) are
// read from this index alone, without visiting 100,000 table rows per page view.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('classes_edition_totals_idx').on('classes').columns(['edition_id', 'status', 'campus_id', 'pupil_count']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('classes_edition_totals_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('classes') : drop).execute();
}
