import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// A school's campuses in name order (then id), for the overview and the campus list sorted by school; the unique key (school_id, name_key, active) puts active before id.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('campuses_school_name_idx').on('campuses').columns(['school_id', 'name_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('campuses_school_name_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('campuses') : drop).execute();
}
