import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { assertTeacherOfCampus } from '../auth/campus-access';
import type { Database, KitOrderStatus } from '../db/schema';
import { NotFoundError } from '../errors';
import { pageCount } from '../pagination';
import { countOrders, findOrderWithCampus, listOrderLinesWithItems, listOrderPage } from './kit-order-view.repository';

/** Orders of an edition with their campus, newest change first; filtered and paginated in SQL. */
export async function orderListPage(
	db: Kysely<Database>,
	editionId: number,
	status: KitOrderStatus | null,
	paging: { page: number; limit: number; offset: number }
) {
	const [total, rows] = await Promise.all([countOrders(db, editionId, status), listOrderPage(db, editionId, status, paging)]);
	return { total, page: paging.page, pages: pageCount(total, paging.limit), rows };
}

/**
 * One order as its page and packing list show it: campus, address and contact,
 * lines with names and units in catalogue order. A coordinator sees any order,
 * a teacher only their campus's (403 otherwise; 404 for an id that does not exist).
 */
export async function orderDetail(db: Kysely<Database>, actor: Actor, orderId: number) {
	const order = await findOrderWithCampus(db, orderId);
	if (!order) throw new NotFoundError();
	await assertTeacherOfCampus(db, actor, order.campusId);
	const lines = await listOrderLinesWithItems(db, orderId);
	return { ...order, lines };
}
