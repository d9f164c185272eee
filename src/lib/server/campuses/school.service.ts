import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { pageCount } from '../pagination';
import type { SchoolInput } from '../../schemas/campus';
import { deactivateCampusesOfSchool, listCampusesOfSchool } from './campus.repository';
import { searchKey } from './campus-list.service';
import * as schools from './school.repository';

/** The instellingsnummer is unique over all schools, deactivated ones included. */
async function assertNumberFree(db: Db, number: string, exceptId?: number) {
	const holder = await schools.findSchoolByInstellingsnummer(db, number);
	if (!holder || holder.id === exceptId) return;
	if (holder.active) throw new ValidationError('cp_error_instellingsnummer_taken', 'instellingsnummer', { school: holder.name });
	throw new ValidationError('cp_error_instellingsnummer_inactive', 'instellingsnummer', { school: holder.name });
}

/** A race between two coordinators typing the same number: the unique key decides. */
async function mapNumberClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('cp_error_instellingsnummer_in_use', 'instellingsnummer');
		throw err;
	}
}

export async function schoolListPage(db: Kysely<Database>, q: { search: string; page: number; limit: number; offset: number }) {
	const list = await schools.listSchoolPage(db, { search: searchKey(q.search) || undefined, limit: q.limit, offset: q.offset });
	return { ...list, page: q.page, pages: pageCount(list.total, q.limit), search: q.search };
}

export async function createSchool(db: Kysely<Database>, actor: Actor, input: SchoolInput): Promise<number> {
	requireCoordinator(actor);
	return mapNumberClash(() =>
		withTransaction(db, async (trx) => {
			await assertNumberFree(trx, input.instellingsnummer);
			const id = await schools.insertSchool(trx, { name: input.name, nameKey: textKey(input.name), instellingsnummer: input.instellingsnummer, now: nowDb() });
			await audit(trx, { actorId: actor.id, action: 'school.created', entityType: 'school', entityId: id, after: input });
			return id;
		})
	);
}

export async function updateSchool(db: Kysely<Database>, actor: Actor, id: number, input: SchoolInput): Promise<void> {
	requireCoordinator(actor);
	await mapNumberClash(() =>
		withTransaction(db, async (trx) => {
			const school = await schools.findSchoolForUpdate(trx, id);
			if (!school) throw new NotFoundError();
			if (!school.active) throw new ValidationError('cp_error_school_inactive');
			await assertNumberFree(trx, input.instellingsnummer, id);
			await schools.updateSchool(trx, id, { name: input.name, nameKey: textKey(input.name), instellingsnummer: input.instellingsnummer }, nowDb());
			await audit(trx, {
				actorId: actor.id,
				action: 'school.updated',
				entityType: 'school',
				entityId: id,
				before: { name: school.name, instellingsnummer: school.instellingsnummer },
				after: input
			});
		})
	);
}

/** Deactivating a school deactivates its campuses with it: their codes stop working at once. */
export async function deactivateSchool(db: Kysely<Database>, actor: Actor, id: number): Promise<{ campuses: number }> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const school = await schools.findSchoolForUpdate(trx, id);
		if (!school) throw new NotFoundError();
		if (!school.active) return { campuses: 0 };
		const now = nowDb();
		await schools.deactivateSchool(trx, id, now);
		const campusIds = await deactivateCampusesOfSchool(trx, id, now);
		await audit(trx, {
			actorId: actor.id,
			action: 'school.deactivated',
			entityType: 'school',
			entityId: id,
			before: { active: 1 },
			after: { active: null, campusIds }
		});
		return { campuses: campusIds.length };
	});
}

/** The school page: the school and all its campuses, deactivated ones last; null if there is no such school. */
export async function schoolDetail(db: Kysely<Database>, id: number) {
	const school = await schools.findSchoolById(db, id);
	if (!school) return null;
	const campuses = await listCampusesOfSchool(db, id);
	return {
		id: school.id,
		name: school.name,
		instellingsnummer: school.instellingsnummer,
		active: school.active === 1,
		campuses: campuses.map((c) => ({ ...c, active: c.active === 1 }))
	};
}

export const schoolOptions = (db: Kysely<Database>) => schools.listActiveSchoolOptions(db);
