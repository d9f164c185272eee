import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** A class's certificate can now be downloaded; its teacher hears of it. */
export interface CertificateAvailableParams {
	name: string;
	className: string;
	campus: string;
	edition: string;
	url: string;
	/** What made it downloadable: a workshop reported given (the default), or the end of the edition's workshop period. */
	because?: 'given' | 'edition_ended';
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
