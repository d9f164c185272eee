import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { updateEditionQuotas } from '../campaigns/edition-admin.repository';
import { findEditionForUpdate } from '../campaigns/edition.repository';
import type { Database } from '../db/schema';
import type { Transaction } from 'kysely';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError } from '../errors';
import { promoteAndMail } from './enrolment.service';
import type { Promotion, Quotas } from './quota';

/**
 * Changes an edition's quotas inside a transaction that already holds the edition
 * lock (the edition editor calls this). Raising a quota promotes waiting classes
 * at once; lowering one never demotes a class that has its place.
 */
export async function applyQuotas(trx: Transaction<Database>, actor: Actor, editionId: number, quotas: Quotas): Promise<Promotion[]> {
	const edition = await findEditionForUpdate(trx, editionId);
	if (!edition) throw new NotFoundError();
	if (edition.maxClasses === quotas.maxClasses && edition.maxClassesPerCampus === quotas.maxClassesPerCampus) return [];
	await updateEditionQuotas(trx, editionId, quotas, nowDb());
	await audit(trx, {
		actorId: actor.id,
		action: 'edition.quotas.changed',
		entityType: 'edition',
		entityId: editionId,
		before: { maxClasses: edition.maxClasses, maxClassesPerCampus: edition.maxClassesPerCampus },
		after: quotas
	});
	return promoteAndMail(trx, actor, editionId, quotas);
}

export async function setQuotas(db: Kysely<Database>, actor: Actor, editionId: number, quotas: Quotas): Promise<Promotion[]> {
	requireCoordinator(actor);
	return withTransaction(db, (trx) => applyQuotas(trx, actor, editionId, quotas));
}
