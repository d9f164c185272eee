import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// The trainer's open-slot list pages in start order (keyset on starts_at, id)
// over every published edition: with this index a page is read in that order and
// the query stops after one page, instead of sorting every open slot first. Both
// databases keep the primary key in the index, so (starts_at, id) is its order.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('workshop_slots_open_time_idx').on('workshop_slots').columns(['status', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('workshop_slots_open_time_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('workshop_slots') : drop).execute();
}
