import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** A class was withdrawn from an edition, by its teacher or by a coordinator; its teacher hears of it. */
export interface ClassWithdrawnParams {
	name: string;
	className: string;
	edition: string;
	campus: string;
	/** It was on the waiting list, not enrolled. */
	wasWaiting: boolean;
	/** The coordinator's name when a coordinator withdrew it; null when the teacher did. */
	coordinator: string | null;
	url: string;
}

export function classWithdrawnParts(p: ClassWithdrawnParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const what = { className: p.className, campus: p.campus, edition: p.edition };
	return {
		subject: m.mev_withdrawn_subject({ className: p.className, edition: p.edition }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [
			p.wasWaiting ? m.mev_withdrawn_body_waiting(what, o) : m.mev_withdrawn_body(what, o),
			p.coordinator ? m.mev_withdrawn_by_coordinator({ coordinator: p.coordinator }, o) : m.mev_withdrawn_by_you({}, o)
		],
		action: m.mev_withdrawn_action({}, o),
		url: p.url,
		after: '',
		why: m.ntf_why_enrolled({ className: p.className }, o),
		campaign: p.edition
	};
}
