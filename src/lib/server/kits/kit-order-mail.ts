import * as m from '../../paraglide/messages';
import type { Db } from '../db';
import { publicOrigin } from '../config';
import type { Locale } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import type { KitOrderMailParams } from '../mail/kinds/kit-order';
import { findOrderWithTeacher, listLines } from './kit-order.repository';

function itemsText(lines: Awaited<ReturnType<typeof listLines>>, locale: Locale): string {
	const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-BE');
	return lines.map((l) => m.mev_kit_item({ quantity: number.format(l.quantity), item: locale === 'en' ? l.nameEn : l.nameNl }, { locale })).join(', ');
}

/**
 * Queues the mail for one step of a kit order (approved, ready, handed over) in
 * the transaction of that step. Each step happens once per order, so the order
 * and step make the dedupe key.
 */
export async function mailKitOrderStep(db: Db, orderId: number, event: KitOrderMailParams['event']): Promise<void> {
	const row = await findOrderWithTeacher(db, orderId);
	if (!row) return;
	const params: KitOrderMailParams = {
		name: row.displayName,
		event,
		campus: `${row.school} – ${row.campus}`,
		address: `${row.street}, ${row.postalCode} ${row.city}`,
		edition: row.edition,
		delivery: row.delivery,
		items: itemsText(await listLines(db, orderId), row.locale),
		handedOverOn: event === 'handed_over' ? row.handedOverOn : null,
		receivedBy: event === 'handed_over' ? row.receivedBy : null,
		url: `${publicOrigin()}/teacher/kit?campus=${row.campusId}`
	};
	await enqueueMail(db, {
		recipient: row.email,
		locale: row.locale,
		mail: { template: 'kit_order', params },
		dedupeKey: `kit_order:${event}:${orderId}:${row.userId}`
	});
}
