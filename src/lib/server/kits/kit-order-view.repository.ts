import type { Db } from '../db';
import type { KitOrderStatus } from '../db/schema';

/** Orders of an edition with their campus; filtered in SQL. */
const orderRows = (db: Db, editionId: number, status: KitOrderStatus | null) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.where('kitOrders.editionId', '=', editionId)
		.$if(status !== null, (q) => q.where('kitOrders.status', '=', status!));

export const countOrders = async (db: Db, editionId: number, status: KitOrderStatus | null): Promise<number> =>
	Number(
		(
			await orderRows(db, editionId, status)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

/** A page of them, newest change first. */
export const listOrderPage = (db: Db, editionId: number, status: KitOrderStatus | null, page: { limit: number; offset: number }) =>
	orderRows(db, editionId, status)
		.select([
			'kitOrders.id',
			'kitOrders.status',
			'kitOrders.delivery',
			'kitOrders.supplementaryOf',
			'kitOrders.updatedAt',
			'campuses.name as campusName',
			'schools.name as schoolName'
		])
		.orderBy('kitOrders.updatedAt', 'desc')
		.orderBy('kitOrders.id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();

/** One order with its campus's name, address and contact. */
export const findOrderWithCampus = (db: Db, orderId: number) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.selectAll('kitOrders')
		.select([
			'campuses.name as campusName',
			'schools.name as schoolName',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'campuses.contactName',
			'campuses.contactEmail',
			'campuses.contactPhone'
		])
		.where('kitOrders.id', '=', orderId)
		.executeTakeFirst();

/** An order's lines with names and units, in catalogue order. */
export const listOrderLinesWithItems = (db: Db, orderId: number) =>
	db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select(['kitOrderLines.itemId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn', 'kitItems.unitNl', 'kitItems.unitEn'])
		.where('kitOrderLines.orderId', '=', orderId)
		.orderBy('kitItems.sortOrder')
		.orderBy('kitItems.id')
		.execute();

/** The lines of several orders in one query (quantity and item names), in catalogue order. */
export const listLineSummaries = (db: Db, orderIds: number[]) =>
	orderIds.length
		? db
				.selectFrom('kitOrderLines')
				.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
				.select(['kitOrderLines.orderId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn'])
				.where('kitOrderLines.orderId', 'in', orderIds)
				.orderBy('kitItems.sortOrder')
				.orderBy('kitItems.id')
				.execute()
		: Promise.resolve([]);

/** The campus's closed orders in the edition (not the open one), newest first. */
export const listClosedOrders = (db: Db, editionId: number, campusId: number) =>
	db
		.selectFrom('kitOrders')
		.select(['id', 'status', 'delivery', 'handedOverOn', 'updatedAt'])
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('open', 'is', null)
		.orderBy('id', 'desc')
		.execute();

/**
 * The published edition whose workshops have not ended yet (on `today`) and in
 * which the campus takes part (a class enrolled or waiting); the earliest when
 * there are several.
 */
export const findUpcomingEditionOf = (db: Db, campusId: number, today: string) =>
	db
		.selectFrom('editions')
		.select(['editions.id', 'editions.name', 'editions.workshopStartsOn'])
		.where('editions.status', '=', 'published')
		.where('editions.workshopEndsOn', '>=', today)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('classes')
					.select('classes.id')
					.whereRef('classes.editionId', '=', 'editions.id')
					.where('classes.campusId', '=', campusId)
					.where('classes.status', 'in', ['enrolled', 'waiting'])
			)
		)
		.orderBy('editions.workshopStartsOn')
		.orderBy('editions.id')
		.limit(1)
		.executeTakeFirst();

/** Orders per edition and status, for the kit overview: one grouped query for all the editions shown. */
export async function countOrdersByStatus(db: Db, editionIds: number[]): Promise<{ editionId: number; status: KitOrderStatus; n: number }[]> {
	if (!editionIds.length) return [];
	const rows = await db
		.selectFrom('kitOrders')
		.select(['editionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('editionId', 'in', editionIds)
		.groupBy(['editionId', 'status'])
		.execute();
	return rows.map((r) => ({ editionId: r.editionId, status: r.status, n: Number(r.n) }));
}

/** Active catalogue items per edition. */
export async function countActiveItems(db: Db, editionIds: number[]): Promise<Map<number, number>> {
	if (!editionIds.length) return new Map();
	const rows = await db
		.selectFrom('kitItems')
		.select(['editionId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('editionId', 'in', editionIds)
		.where('active', '=', 1)
		.groupBy('editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, Number(r.n)]));
}
