import type { Kysely } from 'kysely';
import { instant, keyText, longText, withTableOptions } from '../schema-helpers';

// Every mail goes through the outbox. secret_link holds the one-time link of a
// mail (confirmation, invitation, reset): no page ever selects that column.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('mail_outbox')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('recipient', 'varchar(254)', (c) => c.notNull())
			.addColumn('locale', 'varchar(2)', (c) => c.notNull())
			.addColumn('template', 'varchar(100)', (c) => c.notNull())
			.addColumn('params_json', longText(db), (c) => c.notNull())
			.addColumn('subject', 'varchar(300)', (c) => c.notNull())
			.addColumn('body_text', longText(db), (c) => c.notNull())
			.addColumn('body_html', longText(db), (c) => c.notNull())
			.addColumn('secret_link', 'varchar(1000)')
			.addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
			.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('next_attempt_at', instant(db), (c) => c.notNull())
			.addColumn('sent_at', instant(db))
			.addColumn('last_error', 'varchar(1000)')
			.addColumn('dedupe_key', keyText(db, 191), (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addUniqueConstraint('mail_outbox_dedupe_uq', ['dedupe_key'])
	).execute();
	await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
	await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail_outbox').execute();
}
