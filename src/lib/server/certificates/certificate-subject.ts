import type { Locale } from '../db/schema';
import { formatDate } from '../../time/brussels';
import * as m from '../../paraglide/messages';
import type { CertificateFacts, CertificatePage } from './certificate-pdf';

/** What a certificate page certifies: a heading (class, pupil, campus or trainer), its lines and the smaller details under them. */
export interface CertificateSubject {
	heading: string;
	headingSize: number;
	lines: string[];
	details: string[];
}

function workshopLines(f: CertificateFacts, locale: Locale): string[] {
	const o = { locale };
	// Materials only: the class took part without a workshop, so none is claimed.
	if (f.materialsOnly && f.workshops.length === 0) return [m.mo_cert_materials({}, o)];
	const shown = f.workshops.slice(0, 3).map((w) => {
		const date = formatDate(w.date, locale);
		return w.organisation ? m.cpdf_workshop_by({ date, organisation: w.organisation }, o) : m.cpdf_workshop({ date }, o);
	});
	if (f.workshops.length > 3) shown.push(m.cpdf_more_workshops({ count: f.workshops.length - 3 }, o));
	return shown;
}

export function certificateSubject(p: CertificatePage): CertificateSubject {
	const f = p.certificate.facts;
	const o = { locale: p.locale };
	const school = f.schoolName ?? '';
	const campus = f.campusName ?? '';
	const edition = f.editionName;
	const className = f.className ?? '';
	if (p.pupilName !== undefined) {
		return {
			heading: p.pupilName,
			headingSize: p.pupilName.length > 24 ? 32 : 44,
			lines: [m.cpdf_pupil_line({ className, school, campus }, o), m.cpdf_took_part({ edition }, o)],
			details: workshopLines(f, p.locale)
		};
	}
	switch (p.certificate.kind) {
		case 'class':
			return {
				heading: m.cpdf_class_heading({ className }, o),
				headingSize: 38,
				lines: [m.cpdf_class_line({ school, campus, edition }, o)],
				details: workshopLines(f, p.locale)
			};
		case 'campus':
			return {
				heading: campus,
				headingSize: 38,
				lines: [m.cpdf_campus_line({ school, edition }, o)],
				details: [m.cpdf_campus_reached({ classes: f.classesReached ?? 0, pupils: f.pupilsReached ?? 0 }, o)]
			};
		case 'trainer': {
			const lines = [m.cpdf_trainer_line({ edition }, o)];
			if (f.organisationName) lines.push(m.cpdf_trainer_org({ organisation: f.organisationName }, o));
			return { heading: f.trainerName ?? '', headingSize: 38, lines, details: [m.cpdf_trainer_count({ count: f.workshopsGiven ?? 0 }, o)] };
		}
	}
}
