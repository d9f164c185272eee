import { sql, type Kysely } from 'kysely';

// The campus and edition an audit entry is about, so coordinators can filter the
// log by them without joining every entity table. No foreign keys: the log must
// outlive what it describes. Existing entries are filled in from their entity.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('audit_log').addColumn('campus_id', 'integer').execute();
	await db.schema.alterTable('audit_log').addColumn('edition_id', 'integer').execute();
	const fill = async (entityType: string, table: string, columns: { campus?: string; edition?: string }) => {
		for (const [target, source] of [
			['campus_id', columns.campus],
			['edition_id', columns.edition]
		] as const) {
			if (!source) continue;
			await sql`update audit_log set ${sql.ref(target)} = (select t.${sql.ref(source)} from ${sql.table(table)} t where t.id = audit_log.entity_id) where entity_type = ${entityType}`.execute(
				db
			);
		}
	};
	await fill('class', 'classes', { campus: 'campus_id', edition: 'edition_id' });
	await fill('workshop_slot', 'workshop_slots', { campus: 'campus_id', edition: 'edition_id' });
	await fill('kit_order', 'kit_orders', { campus: 'campus_id', edition: 'edition_id' });
	await fill('kit_item', 'kit_items', { edition: 'edition_id' });
	await fill('material', 'materials', { edition: 'edition_id' });
	await fill('certificate', 'certificates', { campus: 'campus_id', edition: 'edition_id' });
	await sql`update audit_log set edition_id = (select e.id from editions e where e.id = audit_log.entity_id) where entity_type = 'edition'`.execute(db);
	await sql`update audit_log set campus_id = (select c.id from campuses c where c.id = audit_log.entity_id) where entity_type = 'campus'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('audit_log').dropColumn('edition_id').execute();
	await db.schema.alterTable('audit_log').dropColumn('campus_id').execute();
}
