import type { Kysely } from 'kysely';

// A campaign's public website and its accent colour (#rrggbb), both optional.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').addColumn('website', 'varchar(300)').execute();
	await db.schema.alterTable('campaigns').addColumn('colour', 'varchar(7)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').dropColumn('colour').execute();
	await db.schema.alterTable('campaigns').dropColumn('website').execute();
}
