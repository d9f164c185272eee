import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { editionsForDisplay } from './campaigns/edition-view';
import { countActiveCampuses } from './campuses/campus.repository';
import { lowStockItems } from './kits/catalogue.service';
import { countPendingMail } from './mail/outbox.service';
import { recentDashboardFigures } from './reports/dashboard-figures';
import { publishedEditions } from './campaigns/published-editions';
import { countUsersByRole } from './users/user-list.repository';

/** The coordinator's overview: a few counts, each one aggregated in SQL. */
export async function coordinatorDashboard(db: Kysely<Database>) {
	const [roles, campuses, pendingMail, editions, figures] = await Promise.all([
		countUsersByRole(db),
		countActiveCampuses(db),
		countPendingMail(db),
		editionsForDisplay(db, ['draft', 'published', 'archived']),
		recentDashboardFigures(db)
	]);
	// Published editions are few (one or two a year): one low-stock query each.
	const published = await publishedEditions(db);
	const lowStock = (await Promise.all(published.map(async (e) => (await lowStockItems(db, e.id)).map((i) => ({ ...i, editionName: e.name }))))).flat();
	return { teachers: roles.teacher, trainers: roles.trainer, campuses, pendingMail, editions, lowStock, figures };
}
