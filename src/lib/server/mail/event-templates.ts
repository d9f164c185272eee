import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import { formatDate } from '../../time/brussels';
import type { Parts } from './templates';

/**
 * Mails that announce a change made by someone else (or confirm one's own):
 * a withdrawn class, a step of a kit order, a certificate that can now be
 * downloaded. Rendered in the recipient's language when queued.
 */

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

export interface KitOrderMailParams {
	name: string;
	event: 'approved' | 'ready' | 'handed_over';
	campus: string;
	/** The campus's street address, where a delivery goes. */
	address: string;
	edition: string;
	delivery: 'delivery' | 'pickup';
	/** "220 × Purple wristbands, 5 × Posters", in the recipient's language. */
	items: string;
	/** Hand-over only: the day (YYYY-MM-DD) and who received it. */
	handedOverOn: string | null;
	receivedBy: string | null;
	url: string;
}

export interface CertificateAvailableParams {
	name: string;
	className: string;
	campus: string;
	edition: string;
	url: string;
	/** What made it downloadable: a workshop reported given (the default), or the end of the edition's workshop period. */
	because?: 'given' | 'edition_ended';
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

function kitSubject(p: KitOrderMailParams, o: { locale: Locale }): string {
	if (p.event === 'approved') return m.mev_kit_approved_subject({ campus: p.campus }, o);
	if (p.event === 'handed_over') return m.mev_kit_handed_over_subject({ campus: p.campus }, o);
	return p.delivery === 'pickup' ? m.mev_kit_ready_subject({ campus: p.campus }, o) : m.mev_kit_ready_delivery_subject({ campus: p.campus }, o);
}

function kitLines(p: KitOrderMailParams, locale: Locale): string[] {
	const o = { locale };
	const what = { campus: p.campus, edition: p.edition };
	switch (p.event) {
		case 'approved':
			return [m.mev_kit_approved_body(what, o), p.delivery === 'pickup' ? m.mev_kit_approved_pickup({}, o) : m.mev_kit_approved_delivery({}, o)];
		case 'ready':
			return [p.delivery === 'pickup' ? m.mev_kit_ready_pickup(what, o) : m.mev_kit_ready_delivery({ ...what, address: p.address }, o)];
		case 'handed_over':
			return [m.mev_kit_handed_over_body({ ...what, date: p.handedOverOn ? formatDate(p.handedOverOn, locale) : '', receivedBy: p.receivedBy ?? '' }, o)];
	}
}

export function kitOrderParts(p: KitOrderMailParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: kitSubject(p, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [...kitLines(p, locale), ...(p.items ? [m.mev_kit_items({ items: p.items }, o)] : [])],
		action: m.mev_kit_action({}, o),
		url: p.url,
		after: m.mev_kit_after({}, o),
		why: m.mev_kit_why({ campus: p.campus }, o),
		campaign: p.edition
	};
}

export function certificateAvailableParts(p: CertificateAvailableParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.mev_cert_subject({ className: p.className, edition: p.edition }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [
			p.because === 'edition_ended'
				? m.mev_cert_body_ended({ className: p.className, campus: p.campus, edition: p.edition }, o)
				: m.mev_cert_body({ className: p.className, campus: p.campus, edition: p.edition }, o),
			m.mev_cert_where({}, o)
		],
		action: m.mev_cert_action({}, o),
		url: p.url,
		after: '',
		why: m.ntf_why_enrolled({ className: p.className }, o),
		campaign: p.edition
	};
}
