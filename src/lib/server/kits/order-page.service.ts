import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import { findEditionById } from '../campaigns/edition.repository';
import type { Database, KitOrderStatus } from '../db/schema';
import { fromDbTime } from '../db/time';
import { campusAllowances } from './allowance';
import { orderDetail, orderListPage } from './kit-order-view';
import { listLineSummaries } from './kit-order-view.repository';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

/** The coordinator's order page: the order (orderDetail), its edition, and each line's campus maximum. */
export async function coordinatorOrderPage(db: Kysely<Database>, actor: Actor, orderId: number) {
	requireCoordinator(actor);
	const order = await orderDetail(db, actor, orderId);
	const [edition, allowances] = await Promise.all([findEditionById(db, order.editionId), campusAllowances(db, order.editionId, order.campusId)]);
	const maximum = new Map(allowances.map((a) => [a.itemId, a.maximum]));
	return {
		...order,
		updatedAt: fromDbTime(order.updatedAt),
		editionName: edition?.name ?? '',
		lines: order.lines.map((l) => ({ ...l, maximum: maximum.get(l.itemId) ?? 0 }))
	};
}

const statuses: KitOrderStatus[] = ['draft', 'submitted', 'approved', 'packed', 'handed_over', 'cancelled'];
export const parseOrderStatus = (s: string | null): KitOrderStatus | null => (statuses.includes(s as KitOrderStatus) ? (s as KitOrderStatus) : null);

/** An edition's orders page (orderListPage) with each order's lines summed up in one query. */
export async function editionOrdersPage(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	status: KitOrderStatus | null,
	paging: { page: number; limit: number; offset: number }
) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const list = await orderListPage(db, editionId, status, paging);
	const lines = await listLineSummaries(
		db,
		list.rows.map((r) => r.id)
	);
	return {
		edition: { id: edition.id, name: edition.name },
		statuses,
		...list,
		rows: list.rows.map((r) => ({ ...r, updatedAt: fromDbTime(r.updatedAt), lines: lines.filter((l) => l.orderId === r.id) }))
	};
}
