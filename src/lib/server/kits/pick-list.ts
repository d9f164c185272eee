import type { Db } from '../db';

export interface PickListOrder {
	orderId: number;
	campusId: number;
	campusName: string;
	schoolName: string;
	delivery: 'delivery' | 'pickup';
	lines: { itemId: number; nameNl: string; nameEn: string; unitNl: string; unitEn: string; quantity: number }[];
}

type Key = { nameKey: string; campusId: number; orderId: number } | null;

/** One chunk of approved orders after the keyset key, in campus order. */
const approvedOrdersAfter = (db: Db, editionId: number, key: Key, limit: number) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['kitOrders.id as orderId', 'kitOrders.campusId', 'kitOrders.delivery', 'campuses.name as campusName', 'campuses.nameKey', 'schools.name as schoolName'])
		.where('kitOrders.editionId', '=', editionId)
		.where('kitOrders.status', '=', 'approved')
		.$if(key !== null, (q) =>
			q.where((eb) =>
				eb.or([
					eb('campuses.nameKey', '>', key!.nameKey),
					eb.and([eb('campuses.nameKey', '=', key!.nameKey), eb('campuses.id', '>', key!.campusId)]),
					eb.and([eb('campuses.nameKey', '=', key!.nameKey), eb('campuses.id', '=', key!.campusId), eb('kitOrders.id', '>', key!.orderId)])
				])
			)
		)
		.orderBy('campuses.nameKey')
		.orderBy('campuses.id')
		.orderBy('kitOrders.id')
		.limit(limit)
		.execute();

const linesOf = (db: Db, orderIds: number[]) =>
	db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select(['kitOrderLines.orderId', 'kitOrderLines.itemId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn', 'kitItems.unitNl', 'kitItems.unitEn'])
		.where('kitOrderLines.orderId', 'in', orderIds)
		.orderBy('kitItems.sortOrder')
		.orderBy('kitItems.id')
		.execute();

/**
 * The approved orders of an edition sorted by campus (name, then id), with their
 * lines, read in keyset chunks of 500 orders: the pick list PDF renders chunk by
 * chunk and never holds a whole edition (or SQLite's one connection) at once.
 */
export async function* pickList(db: Db, editionId: number, chunkSize = 500): AsyncGenerator<PickListOrder[]> {
	let key: Key = null;
	for (;;) {
		const orders = await approvedOrdersAfter(db, editionId, key, chunkSize);
		if (!orders.length) return;
		const byOrder = new Map<number, PickListOrder['lines']>();
		for (const { orderId, ...line } of await linesOf(db, orders.map((o) => o.orderId))) {
			if (!byOrder.has(orderId)) byOrder.set(orderId, []);
			byOrder.get(orderId)!.push(line);
		}
		yield orders.map((o) => ({
			orderId: o.orderId,
			campusId: o.campusId,
			campusName: o.campusName,
			schoolName: o.schoolName,
			delivery: o.delivery,
			lines: byOrder.get(o.orderId) ?? []
		}));
		if (orders.length < chunkSize) return;
		const last = orders[orders.length - 1];
		key = { nameKey: last.nameKey, campusId: last.campusId, orderId: last.orderId };
	}
}
