import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { editionsForDisplay } from '../campaigns/edition-view';
import { countActiveCampuses } from '../campuses/campus.repository';
import { countUsersByRole } from '../users/user-list.repository';
import { dashboardAttention, mailQueue, needsAttention } from './dashboard-attention.service';
import { recentDashboardFigures } from './dashboard-figures';

/**
 * The coordinator's overview: the current edition's figures, what needs attention,
 * the outbox's queue and a few counts of people and places, each aggregated in SQL.
 */
export async function coordinatorDashboard(db: Kysely<Database>) {
	const [roles, campuses, queue, editions, figures] = await Promise.all([
		countUsersByRole(db),
		countActiveCampuses(db),
		mailQueue(db),
		editionsForDisplay(db, ['draft', 'published', 'archived']),
		recentDashboardFigures(db)
	]);
	const attention = await dashboardAttention(db, queue);
	return { teachers: roles.teacher, trainers: roles.trainer, campuses, queue, editions, attention, attentionNeeded: needsAttention(attention), figures };
}
