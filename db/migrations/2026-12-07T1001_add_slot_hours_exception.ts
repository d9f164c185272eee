import type { Kysely } from 'kysely';

// A slot a coordinator placed outside the edition's school hours on purpose keeps
// why (NULL: the slot is within the hours, or was placed before the rule).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop_slots').addColumn('hours_exception_reason', 'varchar(200)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop_slots').dropColumn('hours_exception_reason').execute();
}
