import * as m from '../../paraglide/messages';
import type { Db } from '../db';
import { publicOrigin } from '../config';
import type { Locale } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import type { KitOrderMailParams } from '../mail/kinds/kit-order';
import { listLines } from './kit-order.repository';

/**
 * The teacher who placed the order, with the campus and edition it is for. Only
 * while they are still a teacher of that campus: the mail links to their kit
 * page, which they could not open otherwise. An order a coordinator placed on a
 * campus's behalf has no such teacher and gets no mail.
 */
const orderWithTeacher = (db: Db, orderId: number) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('users', 'users.id', 'kitOrders.createdBy')
		.innerJoin('teacherCampuses', (j) => j.onRef('teacherCampuses.userId', '=', 'users.id').onRef('teacherCampuses.campusId', '=', 'kitOrders.campusId'))
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'teacher'))
		.innerJoin('editions', 'editions.id', 'kitOrders.editionId')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'users.id as userId',
			'users.email',
			'users.displayName',
			'users.locale',
			'kitOrders.campusId',
			'kitOrders.delivery',
			'kitOrders.handedOverOn',
			'kitOrders.receivedBy',
			'editions.name as edition',
			'campuses.name as campus',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'schools.name as school'
		])
		.where('kitOrders.id', '=', orderId)
		.executeTakeFirst();

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
	const row = await orderWithTeacher(db, orderId);
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
	await enqueueMail(db, { recipient: row.email, locale: row.locale, mail: { template: 'kit_order', params }, dedupeKey: `kit_order:${event}:${orderId}:${row.userId}` });
}
