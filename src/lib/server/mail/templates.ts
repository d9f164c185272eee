import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import { workshopMailParts } from './workshop-template';

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
	| { template: 'password_reset'; params: { name: string } }
	| { template: 'class_enrolled'; params: { name: string; className: string; edition: string; campus: string; url: string } }
	| { template: 'class_waiting'; params: { name: string; className: string; edition: string; campus: string; position: number; url: string } }
	| { template: 'class_promoted'; params: { name: string; className: string; edition: string; campus: string; url: string } }
	| { template: 'workshop'; params: WorkshopMailParams };

/** What happened to a workshop slot, from the point of view of the one who gets the mail. */
export type WorkshopMailEvent =
	| 'booked_self'
	| 'assigned'
	| 'cancelled_self'
	| 'unassigned'
	| 'teacher_trainer_found'
	| 'teacher_trainer_gone'
	| 'teacher_scheduled'
	| 'teacher_unscheduled'
	| 'changed'
	| 'cancelled';

export interface WorkshopMailParams {
	name: string;
	event: WorkshopMailEvent;
	/** UTC instants (DbTime); rendered in Brussels time in the recipient's language. */
	startsAt: string;
	endsAt: string;
	campus: string;
	address: string;
	room: string;
	classes: string;
	trainer: string;
	reason: string;
	url: string;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

export interface Parts {
	subject: string;
	greeting: string;
	lines: string[];
	action: string;
	/** A public link; without one the action points at the secret link placeholder. */
	url?: string;
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
		case 'workshop':
			return workshopMailParts(mail.params, locale, city);
		case 'class_enrolled':
		case 'class_waiting':
		case 'class_promoted': {
			const p = mail.params;
			const line =
				mail.template === 'class_enrolled'
					? m.mail_class_enrolled_body({ className: p.className, edition: p.edition, campus: p.campus }, o)
					: mail.template === 'class_waiting'
						? m.mail_class_waiting_body({ className: p.className, edition: p.edition, campus: p.campus, position: mail.params.position }, o)
						: m.mail_class_promoted_body({ className: p.className, edition: p.edition, campus: p.campus }, o);
			const subject =
				mail.template === 'class_enrolled'
					? m.mail_class_enrolled_subject({ className: p.className, edition: p.edition }, o)
					: mail.template === 'class_waiting'
						? m.mail_class_waiting_subject({ className: p.className, edition: p.edition }, o)
						: m.mail_class_promoted_subject({ className: p.className, edition: p.edition }, o);
			return {
				subject,
				greeting: m.mail_greeting({ name: p.name }, o),
				lines: [line],
				action: m.mail_class_action({}, o),
				url: p.url,
				after: m.mail_class_after({}, o)
			};
		}
	}
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail(mail: MailTemplate, locale: Locale, city: string): RenderedMail {
	const p = parts(mail, locale, city);
	const signature = m.mail_signature({ city }, { locale });
	const link = p.url ?? secretLinkPlaceholder;
	const text = [p.greeting, '', ...p.lines, '', `${p.action}: ${link}`, '', p.after, '', signature].join('\n');
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1f1a24">
<p>${escapeHtml(p.greeting)}</p>
${p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="background:#6b2d8f;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(p.action)}</a></p>
<p style="color:#555">${escapeHtml(p.after)}</p>
<p>${escapeHtml(signature)}</p>
</body></html>`;
	return { subject: p.subject, text, html };
}
