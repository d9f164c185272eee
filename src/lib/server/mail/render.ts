import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import type { CitySettings } from '../settings/settings.service';
import { mailParts, type MailTemplate } from './registry';
import { secretLinkPlaceholder } from './secret-link';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
	const p = mailParts(mail, locale, city.cityName);
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
