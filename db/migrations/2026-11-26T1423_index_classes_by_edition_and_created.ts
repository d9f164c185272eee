import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// The enrolment overview sorted by enrolment date reads this index in order.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('classes_edition_created_idx').on('classes').columns(['edition_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('classes_edition_created_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('classes') : drop).execute();
}
