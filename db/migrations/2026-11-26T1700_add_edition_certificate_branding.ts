import type { Kysely } from 'kysely';

// How an edition's certificates look: a title per language, two colours and a
// logo (kept in the file store under its SHA-256). NULL: the tasteful default.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('editions').addColumn('certificate_title_nl', 'varchar(120)').execute();
	await db.schema.alterTable('editions').addColumn('certificate_title_en', 'varchar(120)').execute();
	await db.schema.alterTable('editions').addColumn('certificate_primary_color', 'varchar(7)').execute();
	await db.schema.alterTable('editions').addColumn('certificate_accent_color', 'varchar(7)').execute();
	await db.schema.alterTable('editions').addColumn('certificate_logo_sha256', 'char(64)').execute();
	await db.schema.alterTable('editions').addColumn('certificate_logo_type', 'varchar(20)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const column of [
		'certificate_logo_type',
		'certificate_logo_sha256',
		'certificate_accent_color',
		'certificate_primary_color',
		'certificate_title_en',
		'certificate_title_nl'
	]) {
		await db.schema.alterTable('editions').dropColumn(column).execute();
	}
}
