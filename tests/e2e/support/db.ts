import { read } from './read-db';
import { expect } from '@playwright/test';

/** Look-ups for the account specs: invite codes, one-time links and mails in the outbox. */

export type MailTemplate = 'email_confirm' | 'invite' | 'password_reset' | 'login_link' | 'register_existing';

/** The campus's current invite code as stored (12 Crockford characters, no hyphens). */
export function campusInviteCode(campusName: string): string {
	const row = read((db) => db.prepare('select invite_code as code from campuses where name = ?').get(campusName) as { code: string } | undefined);
	if (!row) throw new Error(`No campus named ${campusName}`);
	return row.code;
}

export function campusId(campusName: string): number {
	const row = read((db) => db.prepare('select id from campuses where name = ?').get(campusName) as { id: number } | undefined);
	if (!row) throw new Error(`No campus named ${campusName}`);
	return row.id;
}

/** How many mails of this template were queued for the address (any case). */
export function outboxCount(recipient: string, template?: MailTemplate): number {
	return read((db) => {
		const sql = `select count(*) as n from mail_outbox where lower(recipient) = lower(?)${template ? ' and template = ?' : ''}`;
		const row = db.prepare(sql).get(...(template ? [recipient, template] : [recipient])) as { n: number };
		return row.n;
	});
}

/** The plain-text body of the newest mail of this template for the address (any case); '' when none. */
export function latestMailText(recipient: string, template: MailTemplate): string {
	return read((db) => {
		const row = db
			.prepare('select body_text as text from mail_outbox where lower(recipient) = lower(?) and template = ? order by id desc limit 1')
			.get(recipient, template) as { text: string } | undefined;
		return row?.text ?? '';
	});
}

function latestLink(recipient: string, template: MailTemplate): string | null {
	return read((db) => {
		const row = db
			.prepare('select secret_link as link from mail_outbox where lower(recipient) = lower(?) and template = ? order by id desc limit 1')
			.get(recipient, template) as { link: string | null } | undefined;
		return row?.link ?? null;
	});
}

/**
 * The one-time link of the newest mail of this template for the address, as a
 * path (the test's baseURL supplies the origin). The mail is queued in the same
 * transaction as the action that answered, so it is there at once; polling only
 * guards against a slow disk.
 */
export async function mailLink(recipient: string, template: MailTemplate): Promise<string> {
	let link: string | null = null;
	await expect.poll(() => (link = latestLink(recipient, template)), { message: `a ${template} mail to ${recipient}` }).not.toBeNull();
	const url = new URL(link!);
	expect(url.origin, 'mail links use the configured public origin').toBe(`http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`);
	return url.pathname + url.search;
}
