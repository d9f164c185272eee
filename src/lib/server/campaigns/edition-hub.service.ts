import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { clock, fromDbTime, toDbTime } from '../db/time';
import { NotFoundError } from '../errors';
import { findEditionHubRow, type EditionHubRow } from './edition-hub.repository';
import { enrolmentPhase, type EnrolmentPhase } from './edition-rules';
import { schoolInvitationsSent } from './school-invitations.service';

/*
 * The coordinator's edition page as a hub: the edition's status, dates and
 * headline counts, and one task per area of work with its state. Two queries:
 * the hub row (every count a scalar subquery) and the invitations sent.
 */

/** A task's state, said in words on the page (never by colour alone). */
export type TaskState = 'cannot_start' | 'todo' | 'in_progress' | 'attention' | 'done';

export type TaskId =
	'blockedDays' | 'materials' | 'kits' | 'invitations' | 'enrolments' | 'enrol' | 'workshops' | 'calendar' | 'certificates' | 'report' | 'impact';

export interface HubTask {
	id: TaskId;
	href: string;
	/** null: a place to go, not something to finish (the report, enrolling on a teacher's behalf). */
	state: TaskState | null;
}

export type HubCounts = ReturnType<typeof countsOf>;

const countsOf = (r: EditionHubRow, invitations: number) => ({
	enrolled: Number(r.enrolled),
	waiting: Number(r.waiting),
	withdrawn: Number(r.withdrawn),
	// SUM is text on MySQL and NULL without rows.
	pupils: Number(r.pupils ?? 0),
	campuses: Number(r.campuses),
	materialsOnly: Number(r.materialsOnly),
	classesPlanned: Number(r.classesPlanned),
	classesGiven: Number(r.classesGiven),
	slots: Number(r.slots),
	slotsNeedingTrainers: Number(r.slotsNeedingTrainers),
	slotsUnreported: Number(r.slotsUnreported),
	blockedDays: Number(r.blockedDays),
	materials: Number(r.materials),
	kitItems: Number(r.kitItems),
	kitItemsLow: Number(r.kitItemsLow),
	kitOrders: Number(r.kitOrders),
	kitOrdersToApprove: Number(r.kitOrdersToApprove),
	certificates: Number(r.certificates),
	classCertificates: Number(r.classCertificates),
	calendarFeeds: Number(r.calendarFeeds),
	invitations
});

/** Each area's state from its counts; the order is the order of a campaign's year. */
export function hubTasks(editionId: number, status: EditionHubRow['status'], phase: EnrolmentPhase, c: HubCounts): HubTask[] {
	const base = `/coordinator/editions/${editionId}`;
	const over = phase === 'closed' || phase === 'archived';
	const enrolledAny = c.enrolled + c.waiting > 0;
	const tasks: HubTask[] = [
		{ id: 'blockedDays', href: `${base}/blocked-days`, state: c.blockedDays > 0 ? 'done' : 'todo' },
		{ id: 'materials', href: `${base}/materials`, state: c.materials > 0 ? 'done' : 'todo' },
		{
			id: 'kits',
			href: `${base}/kits`,
			state: c.kitItems === 0 ? 'todo' : c.kitItemsLow > 0 || c.kitOrdersToApprove > 0 ? 'attention' : 'done'
		},
		{
			id: 'invitations',
			href: `${base}/invitations`,
			state: c.invitations > 0 ? 'done' : over ? null : status !== 'published' ? 'cannot_start' : 'todo'
		},
		{ id: 'enrolments', href: `${base}/enrolments`, state: !enrolledAny ? (status === 'draft' ? 'cannot_start' : 'todo') : over ? 'done' : 'in_progress' },
		{ id: 'enrol', href: `${base}/enrol`, state: null },
		{
			id: 'workshops',
			href: `${base}/workshops`,
			state:
				c.slots === 0
					? c.enrolled === 0
						? 'cannot_start'
						: 'todo'
					: c.slotsNeedingTrainers > 0 || c.slotsUnreported > 0
						? 'attention'
						: c.classesPlanned < c.enrolled - c.materialsOnly
							? 'in_progress'
							: 'done'
		},
		{ id: 'calendar', href: `${base}/calendar`, state: c.calendarFeeds > 0 ? 'done' : 'todo' },
		{
			id: 'certificates',
			href: `${base}/certificates`,
			state: c.classesGiven === 0 ? 'cannot_start' : c.classCertificates === 0 ? 'todo' : c.classCertificates < c.classesGiven ? 'in_progress' : 'done'
		},
		{ id: 'report', href: `${base}/report`, state: null },
		{ id: 'impact', href: `${base}/impact`, state: null }
	];
	// Enrolling on a teacher's behalf goes only while the edition is published.
	if (status === 'published') return tasks;
	const shown = tasks.filter((t) => t.id !== 'enrol');
	// An archived edition is history: what was done says so, nothing is left to start.
	return status === 'archived' ? shown.map((t) => (t.state === 'done' ? t : { ...t, state: null })) : shown;
}

/** Everything the hub shows; NotFound when there is no such edition, Forbidden for anyone but a coordinator. */
export async function editionHub(db: Kysely<Database>, actor: Actor, editionId: number) {
	requireCoordinator(actor);
	const now = clock.now();
	const [row, invitations] = await Promise.all([findEditionHubRow(db, editionId, toDbTime(now), actor.id), schoolInvitationsSent(db, editionId)]);
	if (!row) throw new NotFoundError();
	const phase = enrolmentPhase(row, now);
	const counts = countsOf(row, invitations);
	return {
		edition: {
			id: row.id,
			name: row.name,
			status: row.status,
			phase,
			campaignName: row.campaignName,
			campaignColour: row.campaignColour,
			opensAt: fromDbTime(row.enrolmentOpensAt),
			closesAt: fromDbTime(row.enrolmentClosesAt),
			workshopStartsOn: row.workshopStartsOn,
			workshopEndsOn: row.workshopEndsOn,
			maxClasses: row.maxClasses
		},
		counts,
		tasks: hubTasks(row.id, row.status, phase, counts)
	};
}

export type EditionHub = Awaited<ReturnType<typeof editionHub>>;
