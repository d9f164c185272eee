import type { Db } from '../db';
import { isCoordinator, type Actor } from '../auth/actor';
import { isOpenForEnrolment } from '../campaigns/edition-rules';
import type { Row } from '../db/rows';
import { clock } from '../db/time';
import { ForbiddenError, ValidationError } from '../errors';
import { assertTeacherOfCampus } from '../auth/campus-access';

type Edition = Row<'editions'>;

/**
 * Who may change classes of an edition, checked again in every service call
 * (the route guard only knows roles): coordinators always, while the edition is
 * published; teachers only for their own campuses, only while enrolment is open.
 */
export async function assertMayEnrol(db: Db, actor: Actor, edition: Edition, campusId: number): Promise<void> {
	if (edition.status !== 'published') throw new ValidationError('error_edition_not_published');
	if (isCoordinator(actor)) return;
	await assertTeacherOfCampus(db, actor, campusId);
	if (!isOpenForEnrolment(edition, clock.now())) throw new ValidationError('error_enrolment_closed');
}

/**
 * A teacher changes only the classes they enrolled themselves, and only while
 * they still work at the class's campus (a teacher who left it keeps no access);
 * others of the campus see them read-only.
 */
export async function assertMayChangeClass(db: Db, actor: Actor, edition: Edition, cls: { enrolledBy: number; campusId: number }): Promise<void> {
	if (isCoordinator(actor)) {
		if (edition.status === 'archived') throw new ValidationError('error_edition_not_published');
		return;
	}
	if (cls.enrolledBy !== actor.id) throw new ForbiddenError('error_not_your_class');
	await assertTeacherOfCampus(db, actor, cls.campusId);
	if (!isOpenForEnrolment(edition, clock.now())) throw new ValidationError('error_enrolment_closed');
}
