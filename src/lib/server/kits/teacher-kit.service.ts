import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { brusselsDateOf } from '../../time/brussels';
import { prefillOrder } from './kit-order.service';

/**
 * The published edition whose workshops have not ended yet and in which the campus
 * takes part (a class enrolled or waiting); the earliest when there are several.
 */
const upcomingEditionOf = (db: Kysely<Database>, campusId: number, today: string) =>
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

/** The campus's earlier orders in the edition (not the open one), newest first, with their lines. */
async function closedOrders(db: Kysely<Database>, editionId: number, campusId: number) {
	const rows = await db
		.selectFrom('kitOrders')
		.select(['id', 'status', 'delivery', 'handedOverOn', 'updatedAt'])
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('open', 'is', null)
		.orderBy('id', 'desc')
		.execute();
	if (!rows.length) return [];
	const lines = await db
		.selectFrom('kitOrderLines')
		.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
		.select(['kitOrderLines.orderId', 'kitOrderLines.quantity', 'kitItems.nameNl', 'kitItems.nameEn'])
		.where('kitOrderLines.orderId', 'in', rows.map((r) => r.id))
		.orderBy('kitItems.sortOrder')
		.orderBy('kitItems.id')
		.execute();
	return rows.map((r) => ({ ...r, updatedAt: fromDbTime(r.updatedAt), lines: lines.filter((l) => l.orderId === r.id) }));
}

/**
 * The teacher's kit page: their campuses, the chosen one (the first by default; a
 * campus that is not theirs falls back to the first), its upcoming edition, the
 * order form prefilled by prefillOrder and the campus's earlier orders.
 */
export async function teacherKitPage(db: Kysely<Database>, actor: Actor, wantedCampusId: number | null, now = clock.now()) {
	const campuses = await listCampusesOfTeacher(db, actor.id);
	const campus = campuses.find((c) => c.id === wantedCampusId) ?? campuses[0] ?? null;
	if (!campus) return { campuses, campus: null, edition: null, form: null, orders: [] };
	const edition = (await upcomingEditionOf(db, campus.id, brusselsDateOf(now))) ?? null;
	if (!edition) return { campuses, campus, edition: null, form: null, orders: [] };
	const [form, orders] = await Promise.all([prefillOrder(db, actor, campus.id, edition.id), closedOrders(db, edition.id, campus.id)]);
	return { campuses, campus, edition, form, orders };
}
