import type { Kysely } from 'kysely';

// Reminders: how many days before a workshop trainer and teacher get one (an
// edition rule, copied with the edition), and each user's choice of the optional
// mails (reminders, follow-ups). Required mails (resets, invitations, login
// links) have no switch.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('editions')
		.addColumn('reminder_days_before', 'integer', (c) => c.notNull().defaultTo(2))
		.execute();
	await db.schema
		.alterTable('users')
		.addColumn('mail_reminders', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.alterTable('users')
		.addColumn('mail_follow_ups', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('mail_follow_ups').execute();
	await db.schema.alterTable('users').dropColumn('mail_reminders').execute();
	await db.schema.alterTable('editions').dropColumn('reminder_days_before').execute();
}
