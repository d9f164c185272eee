import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { findEditionById } from '../campaigns/edition.repository';
import type { Database, KitDelivery, Locale } from '../db/schema';
import type { KitPdfLabels, PackingListView } from './kit-lists-pdf';
import type { PickListHeader, PickListSection } from './pick-list-pdf';
import { cityName } from '../settings/settings.service';
import * as m from '../../paraglide/messages';
import { orderDetail } from './kit-order-view';
import { pickList } from './pick-list';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

/** The view models of the kit PDFs in the reader's language: the PDF code itself stays free of the database and Paraglide. */
function labels(locale: Locale): KitPdfLabels {
	const o = { locale };
	return {
		page: (n) => m.kitui_pdf_page({ n }, o),
		title: m.kitui_pdf_packing_title({}, o),
		address: m.kitui_pdf_address({}, o),
		contact: m.kitui_pdf_contact({}, o),
		handover: m.kitui_pdf_handover({}, o),
		remarks: m.kitui_pdf_remarks({}, o),
		item: m.kitui_pdf_item({}, o),
		unit: m.kitui_pdf_unit({}, o),
		quantity: m.kitui_pdf_quantity({}, o),
		packed: m.kitui_pdf_packed({}, o),
		receipt: m.kitui_pdf_receipt({}, o),
		receiptName: m.kitui_pdf_receipt_name({}, o),
		receiptDate: m.kitui_pdf_receipt_date({}, o),
		receiptSignature: m.kitui_pdf_receipt_signature({}, o)
	};
}

const deliveryLabel = (d: KitDelivery, locale: Locale) =>
	d === 'pickup' ? m.kitui_delivery_pickup({}, { locale }) : m.kitui_delivery_delivery({}, { locale });

type Line = { nameNl: string; nameEn: string; unitNl: string; unitEn: string; quantity: number };
const pdfLines = (lines: Line[], locale: Locale) =>
	lines.map((l) => ({ name: locale === 'en' ? l.nameEn : l.nameNl, unit: locale === 'en' ? l.unitEn : l.unitNl, quantity: l.quantity }));

/** One order's packing list; the same access rule as its page (orderDetail). */
export async function packingListView(db: Kysely<Database>, actor: Actor, orderId: number, locale: Locale): Promise<PackingListView> {
	const o = await orderDetail(db, actor, orderId);
	const edition = await findEditionById(db, o.editionId);
	return {
		cityName: await cityName(db, locale),
		labels: labels(locale),
		heading: `${edition?.name ?? ''} · ${m.kitui_pdf_order({ id: o.id }, { locale })}`,
		campusName: o.campusName,
		schoolName: o.schoolName,
		address: [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter((s): s is string => !!s),
		contact: [o.contactName, o.contactEmail, o.contactPhone].filter((s): s is string => !!s),
		delivery: deliveryLabel(o.delivery, locale),
		remarks: o.remarks,
		lines: pdfLines(o.lines, locale)
	};
}

/** The pick list's header and its sections, read chunk by chunk (pick-list.ts) as the PDF is drawn. */
export async function pickListView(db: Kysely<Database>, actor: Actor, editionId: number, locale: Locale) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const header: PickListHeader = {
		cityName: await cityName(db, locale),
		labels: { ...labels(locale), title: m.kitui_pdf_pick_title({}, { locale }), empty: m.kitui_pdf_pick_empty({}, { locale }) },
		title: `${m.kitui_pdf_pick_title({}, { locale })}: ${edition.name}`
	};
	async function* sections(): AsyncGenerator<PickListSection[]> {
		for await (const chunk of pickList(db, editionId)) {
			yield chunk.map((c) => ({
				orderId: c.orderId,
				campusName: c.campusName,
				schoolName: c.schoolName,
				heading: m.kitui_pdf_order({ id: c.orderId }, { locale }),
				delivery: deliveryLabel(c.delivery, locale),
				lines: pdfLines(c.lines, locale)
			}));
		}
	}
	return { header, sections: sections(), editionName: edition.name };
}
