import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import { formatDate } from '../../../time/brussels';
import type { Parts } from '../parts';

/** A step of a campus's kit order: approved, ready (to pick up or on its way), handed over. */
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
