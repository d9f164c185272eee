import type { Kysely } from 'kysely';
import { instant } from '../schema-helpers';

// When an account was anonymised (deletion on request, or retention): the row stays
// so classes, orders and workshops keep their owner id, but nothing personal is left.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').addColumn('anonymised_at', instant(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('anonymised_at').execute();
}
