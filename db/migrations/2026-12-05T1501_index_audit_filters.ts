import type { Kysely } from 'kysely';
import { dialectOf } from '../schema-helpers';

// The audit view filters by edition, campus or kind of action and pages newest
// first: each filter gets an index ending in id, so a page is an index range.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('audit_log_edition_idx').on('audit_log').columns(['edition_id', 'id']).execute();
	await db.schema.createIndex('audit_log_campus_idx').on('audit_log').columns(['campus_id', 'id']).execute();
	await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const name of ['audit_log_action_idx', 'audit_log_campus_idx', 'audit_log_edition_idx']) {
		// MySQL names the table of an index; SQLite does not accept it.
		const drop = db.schema.dropIndex(name);
		await (dialectOf(db) === 'mysql' ? drop.on('audit_log') : drop).execute();
	}
}
