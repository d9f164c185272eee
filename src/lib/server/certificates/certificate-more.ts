import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Database, Locale } from '../db/schema';
import { certificatePdf, certificateTitle } from './certificate-pdf';
import { pdfContentType, type Download } from '../http/download';
import { certificatePage } from './certificate-download';
import { getOrIssueCampusCertificate, getOrIssueTrainerCertificate, type CertificateView } from './certificate.service';
import { listCampusGivenEditions, listTrainerGivenEditions } from './certificate-editions.repository';
import { slug } from '../../slug';

/**
 * Campus and trainer certificate downloads, and where the start pages offer
 * them. The service checks who may have which certificate; the lists below
 * only decide which links to show, with the same rule (a given workshop).
 */

async function onePage(db: Kysely<Database>, cert: CertificateView, heading: string, locale: Locale): Promise<Download> {
	const page = await certificatePage(db, cert, locale);
	const title = `${certificateTitle(cert.branding, locale)} – ${heading} – ${cert.facts.editionName}`;
	return {
		filename: `${slug(`${cert.facts.editionName} ${heading}`, { keepCase: true })}.pdf`,
		contentType: pdfContentType,
		body: certificatePdf({ title, cityName: page.cityName, locale }, [page])
	};
}

/** The campus certificate (classes and pupils reached) as a one-page PDF; issued on first use. */
export async function campusCertificateDownload(db: Kysely<Database>, actor: Actor, editionId: number, campusId: number, locale: Locale): Promise<Download> {
	const cert = await getOrIssueCampusCertificate(db, actor, editionId, campusId);
	return onePage(db, cert, cert.facts.campusName ?? '', locale);
}

/** The trainer certificate (workshops given in the edition) as a one-page PDF; issued on first use. */
export async function trainerCertificateDownload(db: Kysely<Database>, actor: Actor, editionId: number, trainerId: number, locale: Locale): Promise<Download> {
	const cert = await getOrIssueTrainerCertificate(db, actor, editionId, trainerId);
	return onePage(db, cert, cert.facts.trainerName ?? '', locale);
}

export interface CertificateEdition {
	editionId: number;
	editionName: string;
}

/** Per campus, the editions in which it had a given workshop (newest first): one query for all campuses. */
export async function campusCertificateEditions(db: Db, campusIds: number[]): Promise<Map<number, CertificateEdition[]>> {
	const out = new Map<number, CertificateEdition[]>();
	if (campusIds.length === 0) return out;
	for (const r of await listCampusGivenEditions(db, campusIds))
		out.set(r.campusId, [...(out.get(r.campusId) ?? []), { editionId: r.editionId, editionName: r.editionName }]);
	return out;
}

/** The editions in which the trainer gave a workshop (newest first). */
export async function trainerCertificateEditions(db: Db, trainerId: number): Promise<CertificateEdition[]> {
	return (await listTrainerGivenEditions(db, trainerId)).map((r) => ({ editionId: r.editionId, editionName: r.editionName }));
}
