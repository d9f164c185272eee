import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import type { CampaignInput } from '../../schemas/campaign';
import * as repo from './campaign.repository';

/** Two coordinators saving the same name at once: the unique key on name_key decides. */
async function mapNameClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('co_error_campaign_name_taken', 'name');
		throw err;
	}
}

const rowOf = (input: CampaignInput): repo.CampaignRow => ({
	name: input.name,
	nameKey: textKey(input.name),
	descriptionNl: input.descriptionNl,
	descriptionEn: input.descriptionEn,
	website: input.website,
	colour: input.colour
});

export async function createCampaign(db: Kysely<Database>, actor: Actor, input: CampaignInput): Promise<number> {
	requireCoordinator(actor);
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const row = rowOf(input);
			if (await repo.findCampaignByNameKey(trx, row.nameKey)) throw new ValidationError('co_error_campaign_name_taken', 'name');
			const id = await repo.insertCampaign(trx, row, nowDb());
			await audit(trx, { actorId: actor.id, action: 'campaign.created', entityType: 'campaign', entityId: id, after: input });
			return id;
		})
	);
}

export async function updateCampaign(db: Kysely<Database>, actor: Actor, id: number, input: CampaignInput): Promise<void> {
	requireCoordinator(actor);
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const before = await repo.findCampaignForUpdate(trx, id);
			if (!before) throw new NotFoundError();
			const row = rowOf(input);
			if (await repo.findCampaignByNameKey(trx, row.nameKey, id)) throw new ValidationError('co_error_campaign_name_taken', 'name');
			await repo.updateCampaign(trx, id, row, nowDb());
			const { id: _id, ...old } = before;
			await audit(trx, { actorId: actor.id, action: 'campaign.updated', entityType: 'campaign', entityId: id, before: old, after: input });
		})
	);
}

export const listCampaigns = (db: Kysely<Database>) => repo.listCampaignsWithEditionCount(db);

/** A campaign with its editions, newest first; null when unknown. */
export async function campaignDetail(db: Kysely<Database>, id: number) {
	const campaign = await repo.findCampaign(db, id);
	if (!campaign) return null;
	return { campaign, editions: await repo.listEditionsOfCampaign(db, id) };
}

/** For the first-run checklist: how many campaigns exist. */
export const countCampaigns = (db: Db) => repo.countCampaignRows(db);
