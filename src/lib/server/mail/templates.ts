import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import type { CitySettings } from '../settings/settings.service';
import { workshopMailParts } from './workshop-template';
import { loginLinkParts, type LoginLinkParams } from './login-link-template';
import { classWithdrawnParts, kitOrderParts, certificateAvailableParts, type ClassWithdrawnParams, type KitOrderMailParams, type CertificateAvailableParams } from './event-templates';
import { waitingListNoticeParts, type WaitingListNoticeParams } from './reminder-templates';
import { schoolInvitationParts, type SchoolInvitationParams } from './school-invitation-template';
import { dataDeletionParts, type DataDeletionParams } from './data-deletion-template';
import { registerExistingParts, type RegisterExistingParams } from './register-existing-template';
import { retentionWarningParts, type RetentionWarningParams } from './retention-warning-template';

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
	| { template: 'workshop'; params: WorkshopMailParams }
	| { template: 'login_link'; params: LoginLinkParams }
	| { template: 'class_withdrawn'; params: ClassWithdrawnParams }
	| { template: 'kit_order'; params: KitOrderMailParams }
	| { template: 'certificate_available'; params: CertificateAvailableParams }
	| { template: 'waiting_list_notice'; params: WaitingListNoticeParams }
	| { template: 'school_invitation'; params: SchoolInvitationParams }
	| { template: 'data_deletion'; params: DataDeletionParams }
	| { template: 'register_existing'; params: RegisterExistingParams }
	| { template: 'retention_warning'; params: RetentionWarningParams };

/** The templates a user may switch off in their profile; every other mail always goes. */
export const optionalMailKinds = { reminders: 'mailReminders', followUps: 'mailFollowUps' } as const;

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
	// A class in the slot was withdrawn from the campaign: the trainers hear of it, and its teacher's calendar drops the event.
	| 'class_withdrawn'
	| 'teacher_class_withdrawn'
	| 'changed'
	| 'cancelled'
	// Sent by the job runner, not by a change: see src/lib/server/jobs.
	| 'reminder'
	| 'report_due'
	| 'follow_up';

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
	/** Job mails: whether the recipient gives the workshop or enrolled its classes (the reminder and its "why" differ). */
	recipient?: 'trainer' | 'teacher';
	/** Follow-up mails only: where the teaching material is, and each class certificate that can be downloaded. */
	materialsUrl?: string;
	certificates?: { className: string; url: string }[];
	/** The edition, e.g. "Campaign 2027"; named in the mail's footer. */
	campaign?: string;
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
	/** Why this person gets this mail, said in the footer ("… because you enrolled class 1A"). */
	why: string;
	/** The campaign edition the mail is about; account mails have none and name the city only. */
	campaign?: string;
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
				after: m.mail_confirm_after({}, o),
				why: m.ntf_why_registration({}, o)
			};
		case 'invite':
			return {
				subject: m.mail_invite_subject({ city }, o),
				greeting: m.mail_greeting({ name: mail.params.name }, o),
				lines: [m.mail_invite_body({ inviter: mail.params.inviter, role: mail.params.role }, o)],
				action: m.mail_invite_action({}, o),
				after: m.mail_invite_after({}, o),
				why: m.ntf_why_invite({ inviter: mail.params.inviter }, o)
			};
		case 'password_reset':
			return {
				subject: m.mail_reset_subject({ city }, o),
				greeting: m.mail_greeting({ name: mail.params.name }, o),
				lines: [m.mail_reset_body({}, o)],
				action: m.mail_reset_action({}, o),
				after: m.mail_reset_after({}, o),
				why: m.ntf_why_account_request({}, o)
			};
		case 'workshop':
			return workshopMailParts(mail.params, locale, city);
		case 'login_link':
			return loginLinkParts(mail.params, locale, city);
		case 'class_withdrawn':
			return classWithdrawnParts(mail.params, locale, city);
		case 'kit_order':
			return kitOrderParts(mail.params, locale, city);
		case 'certificate_available':
			return certificateAvailableParts(mail.params, locale, city);
		case 'waiting_list_notice':
			return waitingListNoticeParts(mail.params, locale, city);
		case 'school_invitation':
			return schoolInvitationParts(mail.params, locale, city);
		case 'data_deletion':
			return dataDeletionParts(mail.params, locale, city);
		case 'register_existing':
			return registerExistingParts(mail.params, locale, city);
		case 'retention_warning':
			return retentionWarningParts(mail.params, locale, city);
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
				after: m.mail_class_after({}, o),
				why: m.ntf_why_enrolled({ className: p.className }, o),
				campaign: p.edition
			};
		}
	}
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Links inside a line (a follow-up's materials and certificates) become anchors in
 * the HTML part, on already escaped text; a sentence's final full stop stays out.
 */
const linkify = (escaped: string) => escaped.replace(/https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);

/** Only http(s) links become anchors: a setting holding "javascript:" stays text. */
const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * Every mail has the same frame: greeting, what happened, one action, then a
 * footer that says who sends it, on whose behalf and why this person gets it,
 * and where to find help or report discrimination (the city's help links).
 */
export function renderMail(mail: MailTemplate, locale: Locale, city: CitySettings): RenderedMail {
	const o = { locale };
	const p = parts(mail, locale, city.cityName);
	const signature = m.mail_signature({ city: city.cityName }, o);
	const link = p.url ?? secretLinkPlaceholder;
	const sender = p.campaign ? m.ntf_footer_sender_campaign({ city: city.cityName, campaign: p.campaign }, o) : m.ntf_footer_sender({ city: city.cityName }, o);
	const why = m.ntf_footer_why({ why: p.why }, o);
	// The city's help links (reporting point, helplines), as set on its settings page.
	const help = city.helpLinks.map((l) => ({ label: l.label, url: isWebLink(l.url) ? l.url : null }));
	const helpText = help.length ? [m.cs_mail_help({}, o), ...help.map((l) => (l.url ? `${l.label}: ${l.url}` : l.label))] : [];
	const footerText = [sender, why, ...helpText];
	const text = [p.greeting, '', ...p.lines, '', `${p.action}: ${link}`, '', ...(p.after ? [p.after, ''] : []), signature, '', '-- ', ...footerText].join('\n');
	const helpHtml = help.length
		? `<br>${escapeHtml(m.cs_mail_help({}, o))}${help.map((l) => `<br>${l.url ? `<a href="${escapeHtml(l.url)}" style="color:#555">${escapeHtml(l.label)}</a>` : escapeHtml(l.label)}`).join('')}`
		: '';
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(p.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1f1a24;max-width:40em">
<p>${escapeHtml(p.greeting)}</p>
${p.lines.map((l) => `<p>${linkify(escapeHtml(l))}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#6b2d8f;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(p.action)}</a></p>
${p.after ? `<p style="color:#555">${escapeHtml(p.after)}</p>` : ''}
<p>${escapeHtml(signature).replace(/\n/g, '<br>')}</p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="color:#555;font-size:13px">${escapeHtml(sender)}<br>${escapeHtml(why)}${helpHtml}</p>
</body></html>`;
	return { subject: p.subject, text, html };
}
