import type { Kysely } from 'kysely';
import { dialectOf, instant, longText } from '../schema-helpers';

// Real delivery of the outbox. A sender claims due rows by writing its own id and
// a lease end on them (claimed with FOR UPDATE SKIP LOCKED on MySQL), so two app
// processes never send the same row; a row whose lease ran out (the sender died
// mid-send) is due again. A workshop mail carries its calendar invitation (.ics
// text and its METHOD), frozen when the change happened, like its body.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').addColumn('lease_owner', 'varchar(64)').execute();
	await db.schema.alterTable('mail_outbox').addColumn('lease_until', instant(db)).execute();
	await db.schema.alterTable('mail_outbox').addColumn('calendar_ics', longText(db)).execute();
	await db.schema.alterTable('mail_outbox').addColumn('calendar_method', 'varchar(10)').execute();
	// The coordinator's outbox filtered by status, newest first, on a Flanders-size outbox.
	await db.schema.createIndex('mail_outbox_status_created_idx').on('mail_outbox').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	// MySQL names the table of an index; SQLite does not accept it.
	const drop = db.schema.dropIndex('mail_outbox_status_created_idx');
	await (dialectOf(db) === 'mysql' ? drop.on('mail_outbox') : drop).execute();
	for (const column of ['calendar_method', 'calendar_ics', 'lease_until', 'lease_owner']) {
		await db.schema.alterTable('mail_outbox').dropColumn(column).execute();
	}
}
