import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Database, Locale } from '../db/schema';
import { pdfContentType, type Download } from '../http/download';
import { packingListPdf } from './kit-lists-pdf';
import { packingListView, pickListView } from './kit-pdf-view';
import { pickListPdf } from './pick-list-pdf';

/** One order's packing list as a PDF in the reader's language; access checked by packingListView. */
export async function packingListDownload(db: Kysely<Database>, actor: Actor, orderId: number, locale: Locale): Promise<Download> {
	const view = await packingListView(db, actor, orderId, locale);
	return { filename: `${view.labels.title} ${view.campusName}.pdf`, contentType: pdfContentType, body: packingListPdf(view) };
}

/** All approved orders of an edition by campus, drawn page by page as it is read; stops when `signal` aborts. */
export async function pickListDownload(db: Kysely<Database>, actor: Actor, editionId: number, locale: Locale, signal?: AbortSignal): Promise<Download> {
	const view = await pickListView(db, actor, editionId, locale);
	return {
		filename: `${view.header.labels.title} ${view.editionName}.pdf`,
		contentType: pdfContentType,
		body: pickListPdf(view.header, view.sections, signal)
	};
}
