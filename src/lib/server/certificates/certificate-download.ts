import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Database, Locale } from '../db/schema';
import { clock } from '../db/time';
import { logger } from '../log';
import { brusselsDateOf } from '../../time/brussels';
import { certificatePdf, certificateTitle, type CertificatePage } from './certificate-pdf';
import { citySettings } from '../settings/settings.service';
import { fileStore } from '../storage';
import { pdfContentType, type Download } from '../http/download';
import * as m from '../../paraglide/messages';
import { DomainError } from '../errors';
import { editionBranding } from './branding.service';
import { buildClassSubject } from './certificate-facts';
import { getOrIssueClassCertificate, type CertificateView } from './certificate.service';
import { verifyUrl } from './code';
import { slug } from '../../slug';

/** Logos are checked at upload (≤ 1 MB); the cap here only guards against a swapped file. */
const maxLogoBytes = 2 * 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer | null> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		if (size > maxLogoBytes) {
			stream.destroy();
			return null;
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** A stored logo's bytes (the edition's or the city's), or null (default look) when there is none or it cannot be read. */
export async function readLogo(sha256: string | null): Promise<Buffer | null> {
	if (!sha256) return null;
	try {
		return await readAll(await fileStore().openRead(sha256));
	} catch (err) {
		logger.warn('logo unreadable, printing without it', { sha256, error: (err as Error).message });
		return null;
	}
}

/**
 * A certificate's page in the reader's language: the public verify address and
 * the edition's own certificate logo, else the city's logo.
 */
export async function certificatePage(db: Kysely<Database>, cert: CertificateView, locale: Locale): Promise<CertificatePage> {
	const city = await citySettings(db, locale);
	const logo = await readLogo(cert.branding.logoSha256 ?? city.logoSha256);
	return { certificate: cert, locale, cityName: city.cityName, verifyUrl: verifyUrl(cert.code), logo };
}

/** The class certificate as a one-page PDF; the service checks ownership and eligibility (and issues it on first use). */
export async function classCertificateDownload(db: Kysely<Database>, actor: Actor, classId: number, locale: Locale): Promise<Download> {
	const cert = await getOrIssueClassCertificate(db, actor, classId);
	const page = await certificatePage(db, cert, locale);
	const f = cert.facts;
	const heading = m.cpdf_class_heading({ className: f.className ?? '' }, { locale });
	const title = `${certificateTitle(cert.branding, locale)} – ${heading} – ${f.editionName}`;
	return {
		filename: `${slug(`${f.editionName} ${heading}`, { keepCase: true })}.pdf`,
		contentType: pdfContentType,
		body: certificatePdf({ title, cityName: page.cityName, locale }, [page])
	};
}

/**
 * One page per pupil, each carrying the class certificate's code. The names go
 * into the pages only: not into the title, the filename, a log line or the database.
 */
export async function namedCertificatesDownload(db: Kysely<Database>, actor: Actor, classId: number, locale: Locale, names: string[]): Promise<Download> {
	const cert = await getOrIssueClassCertificate(db, actor, classId);
	const page = await certificatePage(db, cert, locale);
	const f = cert.facts;
	const heading = m.cpdf_class_heading({ className: f.className ?? '' }, { locale });
	const title = `${m.cpdf_names_title({}, { locale })} – ${heading} – ${f.editionName}`;
	const doc = certificatePdf(
		{ title, cityName: page.cityName, locale },
		names.map((pupilName) => ({ ...page, pupilName }))
	);
	return {
		filename: `${slug(`${f.editionName} ${heading} ${m.cpdf_names_file({}, { locale })}`, { keepCase: true })}.pdf`,
		contentType: pdfContentType,
		body: doc
	};
}

/** Whether the class page offers its certificates: the same rule the service applies when issuing (given workshop or ended edition). */
export async function classCertificateEligible(db: Kysely<Database>, actor: Actor, classId: number): Promise<boolean> {
	try {
		await buildClassSubject(db, actor, classId);
		return true;
	} catch (err) {
		if (err instanceof DomainError) return false;
		throw err;
	}
}

/** A sample class certificate in the edition's current design, for the coordinator's preview (not issued, code not valid). */
export async function brandingPreviewDownload(db: Kysely<Database>, actor: Actor, editionId: number, locale: Locale): Promise<Download> {
	const b = await editionBranding(db, actor, editionId);
	const o = { locale };
	const sample: CertificateView = {
		id: 0,
		code: '000000000000000',
		kind: 'class',
		issuedAt: clock.now(),
		facts: {
			editionName: b.editionName,
			editionYear: 0,
			campaignName: '',
			schoolName: m.cpdf_preview_school({}, o),
			campusName: m.cpdf_preview_campus({}, o),
			className: '5B',
			grade: null,
			workshops: [{ date: brusselsDateOf(clock.now()), organisation: m.co_preview_organisation({}, o) }],
			classesReached: null,
			pupilsReached: null,
			trainerName: null,
			organisationName: null,
			workshopsGiven: null
		},
		branding: {
			titleNl: b.titleNl,
			titleEn: b.titleEn,
			primaryColor: b.primaryColor,
			accentColor: b.accentColor,
			logoSha256: b.logoSha256,
			logoType: b.logoType
		}
	};
	const page = await certificatePage(db, sample, locale);
	const title = `${certificateTitle(sample.branding, locale)} – ${b.editionName}`;
	return {
		filename: `${slug(`${b.editionName} ${m.cpdf_branding_preview({}, o)}`, { keepCase: true })}.pdf`,
		contentType: pdfContentType,
		body: certificatePdf({ title, cityName: page.cityName, locale }, [page])
	};
}
