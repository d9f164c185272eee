import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import type { CampusInput, NewCampusInput } from '../../schemas/campus';
import * as campuses from './campus.repository';
import { newInviteCode } from './invite-code.service';
import { findSchoolForUpdate } from './school.repository';

/**
 * Two coordinators saving the same name at once: the unique key on
 * (school, name_key, active) decides. (An invite-code clash in 2^60 codes is not
 * worth telling apart: the user simply saves again.)
 */
async function mapNameClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('cp_error_campus_name_taken', 'name');
		throw err;
	}
}

const detailsOf = (input: CampusInput): campuses.CampusDetails => ({
	name: input.name,
	nameKey: textKey(input.name),
	street: input.street,
	postalCode: input.postalCode,
	city: input.city,
	contactName: input.contactName,
	contactEmail: input.contactEmail,
	contactPhone: input.contactPhone
});

/** A new campus of an active school, with a fresh invite code. */
export async function createCampus(db: Kysely<Database>, actor: Actor, input: NewCampusInput): Promise<number> {
	requireCoordinator(actor);
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			// Locking the school orders this after a concurrent deactivation of it.
			const school = await findSchoolForUpdate(trx, input.schoolId);
			if (!school?.active) throw new ValidationError('cp_error_school_unknown', 'schoolId');
			const details = detailsOf(input);
			if (await campuses.findActiveCampusByName(trx, school.id, details.nameKey)) throw new ValidationError('cp_error_campus_name_taken', 'name');
			const id = await campuses.insertCampus(trx, { schoolId: school.id, ...details, inviteCode: newInviteCode(), now: nowDb() });
			await campuses.insertCampusLevels(trx, id, input.levels);
			await audit(trx, { actorId: actor.id, action: 'campus.created', entityType: 'campus', entityId: id, after: input });
			return id;
		})
	);
}

/** Address, levels and contact; the school and the invite code stay as they are. */
export async function updateCampus(db: Kysely<Database>, actor: Actor, id: number, input: CampusInput): Promise<void> {
	requireCoordinator(actor);
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const campus = await campuses.findCampusForUpdate(trx, id);
			if (!campus) throw new NotFoundError();
			if (!campus.active) throw new ValidationError('cp_error_campus_inactive');
			const details = detailsOf(input);
			if (await campuses.findActiveCampusByName(trx, campus.schoolId, details.nameKey, id)) throw new ValidationError('cp_error_campus_name_taken', 'name');
			const levelsBefore = (await campuses.listLevelsOfCampuses(trx, [id])).get(id) ?? [];
			await campuses.updateCampus(trx, id, details, nowDb());
			await campuses.replaceCampusLevels(trx, id, input.levels);
			await audit(trx, {
				actorId: actor.id,
				action: 'campus.updated',
				entityType: 'campus',
				entityId: id,
				before: {
					name: campus.name,
					street: campus.street,
					postalCode: campus.postalCode,
					city: campus.city,
					contactName: campus.contactName,
					contactEmail: campus.contactEmail,
					contactPhone: campus.contactPhone,
					levels: levelsBefore
				},
				after: input
			});
		})
	);
}

/**
 * A deactivated campus keeps its history (classes, teachers' links) but its code
 * no longer registers anyone: registration only looks up active campuses.
 */
export async function deactivateCampus(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const campus = await campuses.findCampusForUpdate(trx, id);
		if (!campus) throw new NotFoundError();
		if (!campus.active) return;
		await campuses.deactivateCampus(trx, id, nowDb());
		await audit(trx, { actorId: actor.id, action: 'campus.deactivated', entityType: 'campus', entityId: id, before: { active: 1 }, after: { active: null } });
	});
}
