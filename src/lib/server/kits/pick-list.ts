import type { Db } from '../db';
import { listApprovedOrdersAfter, listPickLines, type PickListKey } from './pick-list.repository';

type ApprovedOrder = Awaited<ReturnType<typeof listApprovedOrdersAfter>>[number];
type PickLine = Awaited<ReturnType<typeof listPickLines>>[number];

/** An approved order as the pick list prints it: its campus and its lines (as the repository reads them). */
export type PickListOrder = Omit<ApprovedOrder, 'nameKey'> & { lines: Omit<PickLine, 'orderId'>[] };

/**
 * The approved orders of an edition sorted by campus (name, then id), with their
 * lines, read in keyset chunks of 500 orders: the pick list PDF renders chunk by
 * chunk and never holds a whole edition (or SQLite's one connection) at once.
 */
export async function* pickList(db: Db, editionId: number, chunkSize = 500): AsyncGenerator<PickListOrder[]> {
	let key: PickListKey = null;
	for (;;) {
		const orders = await listApprovedOrdersAfter(db, editionId, key, chunkSize);
		if (!orders.length) return;
		const byOrder = new Map<number, PickListOrder['lines']>();
		for (const { orderId, ...line } of await listPickLines(
			db,
			orders.map((o) => o.orderId)
		)) {
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
