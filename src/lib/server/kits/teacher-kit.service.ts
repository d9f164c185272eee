import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { brusselsDateOf } from '../../time/brussels';
import { prefillOrder } from './kit-order.service';
import { findUpcomingEditionOf, listClosedOrders, listLineSummaries } from './kit-order-view.repository';

/** The campus's earlier orders in the edition (not the open one), newest first, with their lines. */
async function closedOrders(db: Kysely<Database>, editionId: number, campusId: number) {
	const rows = await listClosedOrders(db, editionId, campusId);
	if (!rows.length) return [];
	const lines = await listLineSummaries(
		db,
		rows.map((r) => r.id)
	);
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
	const edition = (await findUpcomingEditionOf(db, campus.id, brusselsDateOf(now))) ?? null;
	if (!edition) return { campuses, campus, edition: null, form: null, orders: [] };
	const [form, orders] = await Promise.all([prefillOrder(db, actor, campus.id, edition.id), closedOrders(db, edition.id, campus.id)]);
	return { campuses, campus, edition, form, orders };
}
