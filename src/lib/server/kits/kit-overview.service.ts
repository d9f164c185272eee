import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import { listEditionsWithCampaign } from '../campaigns/edition.repository';
import type { Database, KitOrderStatus } from '../db/schema';
import { lowStockItems } from './catalogue.service';
import { countActiveItems, countOrdersByStatus } from './kit-order-view.repository';

/** Orders that ask something of the coordinator: to approve (submitted), to pack (approved), to hand over (packed). */
const toDo: KitOrderStatus[] = ['submitted', 'approved', 'packed'];

/**
 * The campaign kit's own entry (issue 18): for each edition still in use, the
 * catalogue's size, the items running low, and the orders by where they stand,
 * each leading to the page where it is done. Coordinators looked for the kit in
 * the menu and found it only three clicks deep in an edition's page.
 */
export async function kitOverview(db: Kysely<Database>, actor: Actor) {
	requireCoordinator(actor);
	const editions = await listEditionsWithCampaign(db, ['published', 'draft']);
	const ids = editions.map((e) => e.id);
	const [items, orders, low] = await Promise.all([
		countActiveItems(db, ids),
		countOrdersByStatus(db, ids),
		Promise.all(editions.map((e) => lowStockItems(db, e.id)))
	]);
	return editions.map((e, i) => {
		const mine = orders.filter((o) => o.editionId === e.id);
		const count = (status: KitOrderStatus) => mine.find((o) => o.status === status)?.n ?? 0;
		return {
			id: e.id,
			name: e.name,
			status: e.status,
			items: items.get(e.id) ?? 0,
			lowStock: low[i].map((item) => ({ id: item.id, nameNl: item.nameNl, nameEn: item.nameEn, available: item.available })),
			orders: {
				submitted: count('submitted'),
				approved: count('approved'),
				packed: count('packed'),
				handedOver: count('handed_over'),
				open: toDo.reduce((n, s) => n + count(s), 0)
			}
		};
	});
}
