import type { Kysely } from 'kysely';
import { instant } from '../schema-helpers';

// A partner organisation's contact person, address, phone and website, all optional.
export async function up(db: Kysely<any>): Promise<void> {
	for (const [name, type] of [
		['contact_name', 'varchar(100)'],
		['contact_email', 'varchar(254)'],
		['phone', 'varchar(30)'],
		['website', 'varchar(300)']
	] as const) {
		await db.schema.alterTable('organisations').addColumn(name, type).execute();
	}
	await db.schema.alterTable('organisations').addColumn('updated_at', instant(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const name of ['updated_at', 'website', 'phone', 'contact_email', 'contact_name']) {
		await db.schema.alterTable('organisations').dropColumn(name).execute();
	}
}
