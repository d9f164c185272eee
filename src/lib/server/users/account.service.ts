import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { listSessionsOfUser } from '../auth/session.repository';
import { invalidateSessionsOfUser } from '../auth/session';
import type { Database, Locale } from '../db/schema';
import { fromDbTime, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { updateUser } from './user.repository';

/** The signed-in user's own account page: profile and the devices logged in. */
export async function accountPage(db: Kysely<Database>, userId: number, currentSessionId: string | null) {
	const sessions = await listSessionsOfUser(db, userId);
	return {
		sessions: sessions.map((s) => ({
			current: s.id === currentSessionId,
			deviceLabel: s.deviceLabel,
			createdAt: fromDbTime(s.createdAt),
			lastSeenAt: fromDbTime(s.lastSeenAt)
		}))
	};
}

export async function updateProfile(db: Kysely<Database>, userId: number, input: { displayName: string; locale: Locale }) {
	await withTransaction(db, async (trx) => {
		await updateUser(trx, userId, input, nowDb());
		await audit(trx, {
			actorId: userId,
			action: 'user.profile.updated',
			entityType: 'user',
			entityId: userId,
			after: { displayName: input.displayName, locale: input.locale }
		});
	});
}

export async function logoutOtherDevices(db: Kysely<Database>, userId: number, currentSessionId: string) {
	await invalidateSessionsOfUser(db, userId, currentSessionId);
}
