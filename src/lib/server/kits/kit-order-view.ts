import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Database, KitOrderStatus } from '../db/schema';
import { NotFoundError } from '../errors';
import { pageCount } from '../pagination';
import { assertMayOrderFor } from './kit-order.service';

/** Orders of an edition with their campus, newest change first; filtered and paginated in SQL. */
const orderRows = (db: Db, editionId: number, status: KitOrderStatus | null) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.where('kitOrders.editionId', '=', editionId)
		.$if(status !== null, (q) => q.where('kitOrders.status', '=', status!));

export async function orderListPage(db: Kysely<Database>, editionId: number, status: KitOrderStatus | null, paging: { page: number; limit: number; offset: number }) {
	const [total, rows] = await Promise.all([
		orderRows(db, editionId, status)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n)),
		orderRows(db, editionId, status)
			.select(['kitOrders.id', 'kitOrders.status', 'kitOrders.delivery', 'kitOrders.supplementaryOf', 'kitOrders.updatedAt', 'campuses.name as campusName', 'schools.name as schoolName'])
			.orderBy('kitOrders.updatedAt', 'desc')
			.orderBy('kitOrders.id', 'desc')
			.limit(paging.limit)
			.offset(paging.offset)
			.execute()
	]);
	return { total, page: paging.page, pages: pageCount(total, paging.limit), rows };
}

/**
 * One order as its page and packing list show it: campus, address and contact,
 * lines with names and units in catalogue order. A coordinator sees any order,
 * a teacher only their campus's (403 otherwise; 404 for an id that does not exist).
 */
export async function orderDetail(db: Kysely<Database>, actor: Actor, orderId: number) {
	const order = await db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.selectAll('kitOrders')
		.select(['campuses.name as campusName', 'schools.name as schoolName', 'campuses.street', 'campuses.postalCode', 'campuses.city', 'campuses.contactName', 'campuses.contactEmail', 'campuses.contactPhone'])
		.where('kitOrders.id', '=', orderId)
		.executeTakeFirst();
	if (!order) throw new NotFoundError();
	await assertMayOrderFor(db, actor, order.campusId);
	const lines = await db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select(['kitOrderLines.itemId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn', 'kitItems.unitNl', 'kitItems.unitEn'])
		.where('kitOrderLines.orderId', '=', orderId)
		.orderBy('kitItems.sortOrder')
		.orderBy('kitItems.id')
		.execute();
	return { ...order, lines };
}
