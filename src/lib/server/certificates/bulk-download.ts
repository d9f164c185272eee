import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Database, Locale } from '../db/schema';
import { NotFoundError } from '../errors';
import type { Download } from '../http/download';
import { certificateTitle } from './certificate-pdf';
import { bulkPdfStream, bulkZipStream } from './certificate-stream';
import { citySettings } from '../settings/settings.service';
import * as m from '../../paraglide/messages';
import { assertBulkScope, bulkClassCertificates, type BulkScope } from './bulk-certificates';
import type { CertificateView } from './certificate.service';

export type BulkFormat = 'pdf' | 'zip';
export const isBulkFormat = (s: string): s is BulkFormat => s === 'pdf' || s === 'zip';

/** Puts a value already taken from a generator back in front of it. */
async function* prepend<T>(first: T, rest: AsyncGenerator<T, void, undefined>): AsyncGenerator<T, void, undefined> {
	try {
		yield first;
		yield* rest;
	} finally {
		await rest.return();
	}
}

const safe = (s: string) =>
	s
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
		.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * All class certificates of an edition (or one campus) as one streamed PDF or a
 * ZIP of single PDFs. The first certificate is read before answering, so an
 * empty selection gets a clear error page instead of an empty file.
 */
export async function bulkCertificatesDownload(
	db: Kysely<Database>,
	actor: Actor,
	scope: BulkScope,
	format: BulkFormat,
	locale: Locale,
	signal?: AbortSignal
): Promise<Download> {
	const info = await assertBulkScope(db, actor, scope);
	const certs = bulkClassCertificates(db, actor, scope, { ended: info.ended });
	const first = await certs.next();
	if (first.done) throw new NotFoundError('cbulk_error_none');
	const all = prepend(first.value, certs);
	const o = { locale };
	const what = info.campusName ? `${info.editionName} - ${info.campusName}` : info.editionName;
	const settings = await citySettings(db, locale);
	const city = settings.cityName;
	const cityLogoSha256 = settings.logoSha256;
	const title = `${certificateTitle(first.value.branding, locale)} – ${what}`;
	const filename = `${safe(`${m.cbulk_file({}, o)} ${what}`)}.${format}`;
	if (format === 'pdf')
		return { body: await bulkPdfStream(all, { title, cityName: city, cityLogoSha256, locale, signal }), filename, contentType: 'application/pdf' };
	const pdfTitle = (c: CertificateView) =>
		`${certificateTitle(c.branding, locale)} – ${m.cpdf_class_heading({ className: c.facts.className ?? '' }, o)} – ${c.facts.editionName}`;
	return { body: await bulkZipStream(all, { title, cityName: city, cityLogoSha256, locale, signal, pdfTitle }), filename, contentType: 'application/zip' };
}
