import type { Db } from '../db';

export type PickListKey = { nameKey: string; campusId: number; orderId: number } | null;

/** One chunk of an edition's approved orders after the keyset key, in campus order (name, then id). */
export const listApprovedOrdersAfter = (db: Db, editionId: number, key: PickListKey, limit: number) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'kitOrders.id as orderId',
			'kitOrders.campusId',
			'kitOrders.delivery',
			'campuses.name as campusName',
			'campuses.nameKey',
			'schools.name as schoolName'
		])
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

/** The lines of some orders with item names and units, in catalogue order. */
export const listPickLines = (db: Db, orderIds: number[]) =>
	db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select([
			'kitOrderLines.orderId',
			'kitOrderLines.itemId',
			'kitOrderLines.quantity',
			'kitItems.nameNl',
			'kitItems.nameEn',
			'kitItems.unitNl',
			'kitItems.unitEn'
		])
		.where('kitOrderLines.orderId', 'in', orderIds)
		.orderBy('kitItems.sortOrder')
		.orderBy('kitItems.id')
		.execute();
