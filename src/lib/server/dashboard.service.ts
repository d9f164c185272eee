import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { editionsForDisplay } from './campaigns/edition-view';
import { countPendingMail } from './mail/outbox.service';
import { countUsersByRole } from './users/user-list.repository';

/** The coordinator's overview: a few counts, each one aggregated in SQL. */
export async function coordinatorDashboard(db: Kysely<Database>) {
	const [roles, campuses, pendingMail, editions] = await Promise.all([
		countUsersByRole(db),
		db.selectFrom('campuses').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1).executeTakeFirstOrThrow(),
		countPendingMail(db),
		editionsForDisplay(db, ['draft', 'published', 'archived'])
	]);
	return { teachers: roles.teacher, trainers: roles.trainer, campuses: Number(campuses.n), pendingMail, editions };
}
