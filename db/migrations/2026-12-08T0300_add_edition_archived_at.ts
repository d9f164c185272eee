import type { Kysely } from 'kysely';
import { instant } from '../schema-helpers';

// When an edition was archived (issue 19.5): raw pupil answers are deleted a set
// number of days after it. updated_at cannot tell, since later edits (certificate
// branding) move it, and audit entries lose nothing of their time but are no
// column to filter on. Set by the archive transition; NULL for other statuses.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('editions').addColumn('archived_at', instant(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('editions').dropColumn('archived_at').execute();
}
