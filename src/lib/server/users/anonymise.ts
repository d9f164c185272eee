import type { Db } from '../db';
import type { DbTime } from '../db/time';
import { ConflictError, NotFoundError } from '../errors';
import { findUserById, listRolesOfUser } from './user.repository';
import { clearAuditDetailsAbout, clearRequestReasons, countOtherCoordinators, overwriteUser, removeAccessOf, removeMailsTo } from './anonymise.repository';

export { anonymisedDisplayName } from './anonymise.repository';

export interface AnonymisedUser {
	/** False when the account had been anonymised before (nothing was changed). */
	changed: boolean;
	/** What the account was, for a last mail to the person; never stored again. */
	former: { email: string; displayName: string; locale: 'nl' | 'en' };
}

/**
 * Removes a person from the app, inside the caller's transaction (deletion on
 * request, and the retention job): name, e-mail, password, sessions, one-time
 * tokens, calendar feeds, roles, campus links, mail preferences, mails to them,
 * and the details of audit entries about them. The users row itself stays, with
 * a placeholder name, so every class they enrolled, order they placed and
 * workshop they gave keeps its owner: campus counts, reports and certificates
 * read the same before and after. Refuses to remove the last usable coordinator.
 * Idempotent: an account anonymised before is left as it is.
 */
export async function anonymiseUser(trx: Db, userId: number, now: DbTime): Promise<AnonymisedUser> {
	const user = await findUserById(trx, userId);
	if (!user) throw new NotFoundError();
	const former = { email: user.email, displayName: user.displayName, locale: user.locale };
	if (user.anonymisedAt) return { changed: false, former };
	const roles = await listRolesOfUser(trx, userId);
	if (roles.includes('coordinator') && (await countOtherCoordinators(trx, userId)) === 0) {
		throw new ConflictError('md_error_last_coordinator');
	}
	await removeAccessOf(trx, userId);
	await removeMailsTo(trx, user.email);
	await clearAuditDetailsAbout(trx, userId);
	await clearRequestReasons(trx, userId);
	await overwriteUser(trx, userId, now);
	return { changed: true, former };
}
