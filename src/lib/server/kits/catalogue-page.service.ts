import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { listEditionsWithCampaign } from '../campaigns/edition.repository';
import type { Database } from '../db/schema';
import { catalogue, lowStockItems } from './catalogue.service';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

/** The coordinator's catalogue page: every item (retired too) with its stock, the low ones flagged, and the editions stock can move to. */
export async function cataloguePage(db: Kysely<Database>, actor: Actor, editionId: number) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const [items, low, editions] = await Promise.all([
		catalogue(db, editionId, { includeRetired: true }),
		lowStockItems(db, editionId),
		listEditionsWithCampaign(db, ['draft', 'published'])
	]);
	const lowIds = new Set(low.map((i) => i.id));
	return {
		edition: { id: edition.id, name: edition.name },
		items: items.map((i) => ({ ...i, low: lowIds.has(i.id) })),
		otherEditions: editions.filter((e) => e.id !== editionId).map((e) => ({ id: e.id, name: e.name }))
	};
}
