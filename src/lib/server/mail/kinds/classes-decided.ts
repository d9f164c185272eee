import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** What became of each class of a form of several (issue 18.3), in the order of the form. */
export interface ClassesDecidedParams {
	name: string;
	edition: string;
	campus: string;
	url: string;
	materialsOnly: boolean;
	classes: { name: string; status: 'enrolled' | 'waiting'; position: number | null; reason: 'campus' | 'edition' | null }[];
}

export function classesDecidedParts(p: ClassesDecidedParams, locale: Locale): Parts {
	const o = { locale };
	const line = (c: ClassesDecidedParams['classes'][number]) =>
		c.status === 'enrolled'
			? m.sev_done_enrolled({ name: c.name }, o)
			: (c.reason === 'campus' ? m.sev_done_waiting_campus : m.sev_done_waiting)({ name: c.name, position: c.position ?? 0 }, o);
	const waiting = p.classes.some((c) => c.status === 'waiting');
	return {
		subject: m.sev_mail_subject({ edition: p.edition }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [
			m.sev_mail_intro({ campus: p.campus, edition: p.edition }, o),
			...p.classes.map((c) => `• ${line(c)}`),
			...(waiting ? [m.sev_mail_waiting_more({}, o)] : [])
		],
		action: m.mail_class_action({}, o),
		url: p.url,
		after: m.mail_class_after({}, o),
		why: m.sev_mail_why({ edition: p.edition }, o),
		campaign: p.edition
	};
}
