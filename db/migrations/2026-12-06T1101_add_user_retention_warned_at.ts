import type { Kysely } from 'kysely';
import { instant } from '../schema-helpers';

// When the retention job last mailed a person that their unused account will be
// anonymised: an account is anonymised only weeks after such a warning, and only
// if nobody logged in to it since (a login after the warning makes it active again).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').addColumn('retention_warned_at', instant(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('retention_warned_at').execute();
}
