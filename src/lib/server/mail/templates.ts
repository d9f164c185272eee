import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';

/**
 * Mails are rendered in the recipient's language, outside any request, so every
 * message takes the locale explicitly. The one-time link never enters a rendered
 * body: bodies carry this placeholder and the sender fills it in from the
 * outbox's secret_link column, which no page shows.
 */
export const secretLinkPlaceholder = '[[secret-link]]';

export type MailTemplate =
	| { template: 'email_confirm'; params: { name: string; campus: string } }
	| { template: 'invite'; params: { name: string; inviter: string; role: string } }
	| { template: 'password_reset'; params: { name: string } };

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

interface Parts {
	subject: string;
	greeting: string;
	lines: string[];
	action: string;
	after: string;
}

function parts(mail: MailTemplate, locale: Locale, city: string): Parts {
	const o = { locale };
	switch (mail.template) {
		case 'email_confirm':
			return {
				subject: m.mail_confirm_subject({ city }, o),
				greeting: m.mail_greeting({ name: mail.params.name }, o),
				lines: [m.mail_confirm_body({ campus: mail.params.campus }, o)],
				action: m.mail_confirm_action({}, o),
				after: m.mail_confirm_after({}, o)
			};
		case 'invite':
			return {
				subject: m.mail_invite_subject({ city }, o),
				greeting: m.mail_greeting({ name: mail.params.name }, o),
				lines: [m.mail_invite_body({ inviter: mail.params.inviter, role: mail.params.role }, o)],
				action: m.mail_invite_action({}, o),
				after: m.mail_invite_after({}, o)
			};
		case 'password_reset':
			return {
				subject: m.mail_reset_subject({ city }, o),
				greeting: m.mail_greeting({ name: mail.params.name }, o),
				lines: [m.mail_reset_body({}, o)],
				action: m.mail_reset_action({}, o),
				after: m.mail_reset_after({}, o)
			};
	}
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail(mail: MailTemplate, locale: Locale, city: string): RenderedMail {
	const p = parts(mail, locale, city);
	const signature = m.mail_signature({ city }, { locale });
	const text = [p.greeting, '', ...p.lines, '', `${p.action}: ${secretLinkPlaceholder}`, '', p.after, '', signature].join('\n');
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1f1a24">
<p>${escapeHtml(p.greeting)}</p>
${p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${secretLinkPlaceholder}" style="background:#6b2d8f;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(p.action)}</a></p>
<p style="color:#555">${escapeHtml(p.after)}</p>
<p>${escapeHtml(signature)}</p>
</body></html>`;
	return { subject: p.subject, text, html };
}
