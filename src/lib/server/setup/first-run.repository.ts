import type { Db } from '../db';

/**
 * What a fresh install has done so far, in one round trip: six cheap existence
 * checks (each `exists` stops at the first row, so the Flanders edition costs
 * the same as an empty database).
 */
export async function firstRunFacts(db: Db) {
	const row = await db
		.selectNoFrom((eb) => [
			eb.exists(eb.selectFrom('settings').select('key').where('key', '=', 'city_name')).as('city'),
			eb.exists(eb.selectFrom('campaigns').select('id')).as('campaign'),
			eb.exists(eb.selectFrom('organisations').select('id')).as('organisation'),
			eb.exists(eb.selectFrom('userRoles').select('userId').where('role', '=', 'trainer')).as('trainer'),
			eb.exists(eb.selectFrom('campuses').select('id').where('active', '=', 1)).as('campus'),
			eb.exists(eb.selectFrom('editions').select('id').where('status', 'in', ['published', 'archived'])).as('edition'),
			eb.exists(eb.selectFrom('auditLog').select('id').where('action', '=', 'edition.schools_invited')).as('invited')
		])
		.executeTakeFirstOrThrow();
	const yes = (v: unknown) => Number(v) === 1;
	return {
		city: yes(row.city),
		campaign: yes(row.campaign),
		organisation: yes(row.organisation),
		trainer: yes(row.trainer),
		campus: yes(row.campus),
		edition: yes(row.edition),
		invited: yes(row.invited)
	};
}

/** The newest published edition, where the school invitations are sent from. */
export const newestPublishedEditionId = async (db: Db): Promise<number | null> =>
	(await db.selectFrom('editions').select('id').where('status', '=', 'published').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? null;
