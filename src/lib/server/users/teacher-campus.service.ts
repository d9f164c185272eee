import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { findActiveCampusByInviteCode, listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { normaliseInviteCode } from '../../invite-code';
import { isTeacherOfCampus, linkTeacherToCampus, unlinkTeacherFromCampus } from './user.repository';

/**
 * A teacher's campuses, managed from "Mijn account". The link decides what the
 * teacher sees and may change (every ownership check reads teacher_campuses);
 * classes belong to their campus, so leaving one never touches its classes.
 */
function requireTeacher(actor: Actor): void {
	if (!actor.roles.includes('teacher')) throw new ForbiddenError();
}

export async function campusesOfTeacher(db: Kysely<Database>, actor: Actor) {
	if (!actor.roles.includes('teacher')) return [];
	return (await listCampusesOfTeacher(db, actor.id)).map((c) => ({ id: c.id, name: c.name, schoolName: c.schoolName, city: c.city }));
}

/** Adds the campus whose (active) code is given; the same code check as registration. */
export async function addCampusByCode(db: Kysely<Database>, actor: Actor, inviteCode: string): Promise<{ campusId: number; label: string }> {
	requireTeacher(actor);
	try {
		return await withTransaction(db, async (trx) => {
			const campus = await findActiveCampusByInviteCode(trx, normaliseInviteCode(inviteCode));
			if (!campus) throw new ValidationError('error_invite_code_unknown', 'inviteCode');
			const label = `${campus.schoolName} – ${campus.name}`;
			if (await isTeacherOfCampus(trx, actor.id, campus.id)) throw new ValidationError('tc_error_already_linked', 'inviteCode', { campus: label });
			await linkTeacherToCampus(trx, actor.id, campus.id, nowDb());
			await audit(trx, { actorId: actor.id, action: 'teacher.campus_added', entityType: 'user', entityId: actor.id, after: { campusId: campus.id } });
			return { campusId: campus.id, label };
		});
	} catch (err) {
		// The same code posted twice at once: the primary key decides, the second is "already linked".
		if (isUniqueViolation(err)) throw new ValidationError('tc_error_already_linked_plain', 'inviteCode');
		throw err;
	}
}

/** Leaves a campus. Its classes stay with the campus; the teacher no longer sees or changes them. */
export async function leaveCampus(db: Kysely<Database>, actor: Actor, campusId: number): Promise<{ label: string }> {
	requireTeacher(actor);
	return withTransaction(db, async (trx) => {
		const campus = (await listCampusesOfTeacher(trx, actor.id)).find((c) => c.id === campusId);
		if (!campus) throw new NotFoundError();
		if ((await unlinkTeacherFromCampus(trx, actor.id, campusId)) === 0) throw new NotFoundError();
		await audit(trx, { actorId: actor.id, action: 'teacher.campus_left', entityType: 'user', entityId: actor.id, before: { campusId } });
		return { label: `${campus.schoolName} – ${campus.name}` };
	});
}
