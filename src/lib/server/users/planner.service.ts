import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { updatePlanner } from './planner.repository';
import { findUserById, listRolesOfUser } from './user.repository';

/**
 * A coordinator marks a trainer as planner for their organisation (or not): a
 * planner may assign that organisation's trainers to slots offered to it. Only
 * trainers with an organisation can be one.
 */
export async function setPlanner(db: Kysely<Database>, actor: Actor, userId: number, planner: boolean): Promise<{ displayName: string }> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user) throw new NotFoundError();
		if (!(await listRolesOfUser(trx, userId)).includes('trainer') || user.organisationId === null) throw new ValidationError('wsa_error_planner_not_trainer');
		const value = planner ? 1 : 0;
		if (user.planner !== value) {
			await updatePlanner(trx, userId, value, nowDb());
			await audit(trx, {
				actorId: actor.id,
				action: 'user.planner_set',
				entityType: 'user',
				entityId: userId,
				before: { planner: user.planner },
				after: { planner: value, organisationId: user.organisationId }
			});
		}
		return { displayName: user.displayName };
	});
}
