import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { Row, RowUpdate } from '../db/rows';
import type { KitOrderStatus } from '../db/schema';
import type { DbTime } from '../db/time';

/** Statuses whose quantities count against the campus maximum of a later (supplementary) order. */
export const committedStatuses: KitOrderStatus[] = ['approved', 'packed', 'handed_over'];

export type NewKitOrder = Pick<Row<'kitOrders'>, 'editionId' | 'campusId' | 'delivery' | 'remarks' | 'supplementaryOf'> & {
	status: 'draft' | 'submitted';
	actorId: number;
	now: DbTime;
};

export async function insertOrder(db: Db, o: NewKitOrder): Promise<number> {
	const r = await db
		.insertInto('kitOrders')
		.values({
			editionId: o.editionId,
			campusId: o.campusId,
			status: o.status,
			open: 1,
			delivery: o.delivery,
			remarks: o.remarks,
			supplementaryOf: o.supplementaryOf,
			createdBy: o.actorId,
			updatedBy: o.actorId,
			approvedBy: null,
			approvedAt: null,
			packedAt: null,
			handedOverOn: null,
			receivedBy: null,
			cancelledAt: null,
			createdAt: o.now,
			updatedAt: o.now
		})
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export const updateOrder = (db: Db, id: number, values: RowUpdate<'kitOrders'>) => db.updateTable('kitOrders').set(values).where('id', '=', id).execute();

export const findOrder = (db: Db, id: number) => db.selectFrom('kitOrders').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrderForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('kitOrders')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** The campus's open order, read with a lock on MySQL (a locking read sees the latest commit). */
/** The campus's open order in the edition (at most one), without a lock. */
export const findOpenOrder = (db: Db, editionId: number, campusId: number) =>
	db.selectFrom('kitOrders').selectAll().where('editionId', '=', editionId).where('campusId', '=', campusId).where('open', '=', 1).executeTakeFirst();

export const findOpenOrderForUpdate = (db: Db, editionId: number, campusId: number) =>
	db
		.selectFrom('kitOrders')
		.selectAll()
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('open', '=', 1)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** The latest approved (or later) order of a campus: what a supplementary order adds to. */
export const findLatestCommittedOrder = (db: Db, editionId: number, campusId: number) =>
	db
		.selectFrom('kitOrders')
		.select('id')
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('status', 'in', committedStatuses)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();

/** Quantities per item in the campus's approved, packed and handed-over orders. */
export async function committedQuantities(db: Db, editionId: number, campusId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('kitOrderLines')
		.innerJoin('kitOrders', 'kitOrders.id', 'kitOrderLines.orderId')
		.select(['kitOrderLines.itemId', (eb) => eb.fn.sum<number>('kitOrderLines.quantity').as('quantity')])
		.where('kitOrders.editionId', '=', editionId)
		.where('kitOrders.campusId', '=', campusId)
		.where('kitOrders.status', 'in', committedStatuses)
		.groupBy('kitOrderLines.itemId')
		.execute();
	return new Map(rows.map((r) => [r.itemId, Number(r.quantity)]));
}

/** An order's lines in item id order: the one order in which stock rows are locked. */
export const listLines = (db: Db, orderId: number) =>
	db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select(['kitOrderLines.itemId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn'])
		.where('kitOrderLines.orderId', '=', orderId)
		.orderBy('kitOrderLines.itemId')
		.execute();

export async function replaceLines(db: Db, orderId: number, lines: { itemId: number; quantity: number }[]): Promise<void> {
	await db.deleteFrom('kitOrderLines').where('orderId', '=', orderId).execute();
	if (lines.length)
		await db
			.insertInto('kitOrderLines')
			.values(lines.map((l) => ({ orderId, ...l })))
			.execute();
}

/** Locks the campus row (MySQL): saving a campus's order happens one transaction at a time. */
export const lockCampus = (db: Db, campusId: number) =>
	db
		.selectFrom('campuses')
		.select('id')
		.where('id', '=', campusId)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/**
 * The teacher who placed the order, with the campus and edition it is for. Only
 * while they are still a teacher of that campus: the mail links to their kit
 * page, which they could not open otherwise. An order a coordinator placed on a
 * campus's behalf has no such teacher (undefined).
 */
export const findOrderWithTeacher = (db: Db, orderId: number) =>
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
