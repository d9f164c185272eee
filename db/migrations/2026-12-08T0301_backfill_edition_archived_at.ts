import { sql, type Kysely } from 'kysely';

// Editions archived before archived_at existed: the time of their 'edition.archived'
// audit entry (kept, with its time, for ever), else their updated_at (the seeds
// archive without an audit entry). Never later than the truth would be: at worst
// raw answers of such an edition go a little sooner after this migration runs.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`update editions set archived_at = coalesce(
		(select max(a.created_at) from audit_log a where a.action = 'edition.archived' and a.entity_type = 'edition' and a.entity_id = editions.id),
		editions.updated_at)
		where editions.status = 'archived' and editions.archived_at is null`.execute(db);
}

export async function down(): Promise<void> {
	// The column goes with the previous migration's down.
}
