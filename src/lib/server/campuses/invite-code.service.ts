import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { randomCrockford } from '../auth/crypto';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError } from '../errors';
import { inviteCodeLength } from '../../invite-code';
import { findCampusById, updateInviteCode } from './campus.repository';

/** 12 Crockford characters = 60 bits: unguessable, yet easy to read aloud or type. */
export const newInviteCode = () => randomCrockford(inviteCodeLength);

/** Regenerating a code stops the old one at once; teachers already registered keep their link. */
export async function regenerateInviteCode(db: Kysely<Database>, actorId: number, campusId: number): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await withTransaction(db, async (trx) => {
				const campus = await findCampusById(trx, campusId);
				if (!campus) throw new NotFoundError();
				const code = newInviteCode();
				await updateInviteCode(trx, campusId, code, nowDb());
				// The code is shared with a campus's teachers, not a personal secret; its last characters identify it in the log.
				await audit(trx, {
					actorId,
					action: 'campus.invite_code.regenerated',
					entityType: 'campus',
					entityId: campusId,
					before: { inviteCodeEnd: campus.inviteCode.slice(-4) },
					after: { inviteCodeEnd: code.slice(-4) }
				});
				return code;
			});
		} catch (err) {
			// A collision in 2^60 codes is nearly impossible, but the unique key decides.
			if (attempt < 2 && isUniqueViolation(err)) continue;
			throw err;
		}
	}
}
