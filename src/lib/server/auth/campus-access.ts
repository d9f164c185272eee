import type { Db } from '../db';
import { DomainError, ForbiddenError } from '../errors';
import { isTeacherOfCampus } from '../users/user.repository';
import { isCoordinator, type Actor } from './actor';

/**
 * "Is this teacher on this campus": the one ownership check of every teacher
 * service (classes, kit orders, certificates), as immich's requireAccess. The
 * link in teacher_campuses decides, read with one query (isTeacherOfCampus), and
 * it is checked again in every service call: the route guard only knows roles.
 *
 * A refusal looks different per page, and that stays the caller's: a 403 naming
 * the campus by default, a 404 where a class's very existence must not leak, a
 * field error where a coordinator picked a teacher for the campus.
 */
const notYourCampus = () => new ForbiddenError('error_not_your_campus');

/** The named user (not necessarily the actor) is linked to the campus, or `refuse` is thrown. */
export async function assertTeachesAt(db: Db, userId: number, campusId: number, refuse: () => DomainError = notYourCampus): Promise<void> {
	if (!(await isTeacherOfCampus(db, userId, campusId))) throw refuse();
}

/** Coordinators pass; anyone else must be a teacher (by role) linked to the campus, or `refuse` is thrown. */
export async function assertTeacherOfCampus(db: Db, actor: Actor, campusId: number, refuse: () => DomainError = notYourCampus): Promise<void> {
	if (isCoordinator(actor)) return;
	if (!actor.roles.includes('teacher')) throw refuse();
	await assertTeachesAt(db, actor.id, campusId, refuse);
}
