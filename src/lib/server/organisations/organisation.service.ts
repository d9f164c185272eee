import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import type { Database, Locale } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { inviteUser } from '../users/user-admin.service';
import type { OrganisationInput } from '../../schemas/organisation';
import * as repo from './organisation.repository';

/** Two coordinators saving the same name at once: the unique key on name_key decides. */
async function mapNameClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('co_error_organisation_name_taken', 'name');
		throw err;
	}
}

const rowOf = (input: OrganisationInput): repo.OrganisationRow => ({
	name: input.name,
	nameKey: textKey(input.name),
	contactName: input.contactName,
	contactEmail: input.contactEmail,
	phone: input.phone,
	website: input.website
});

export async function createOrganisation(db: Kysely<Database>, actor: Actor, input: OrganisationInput): Promise<number> {
	requireCoordinator(actor);
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const row = rowOf(input);
			if (await repo.findOrganisationByNameKey(trx, row.nameKey)) throw new ValidationError('co_error_organisation_name_taken', 'name');
			const id = await repo.insertOrganisation(trx, row, nowDb());
			await audit(trx, { actorId: actor.id, action: 'organisation.created', entityType: 'organisation', entityId: id, after: input });
			return id;
		})
	);
}

export async function updateOrganisation(db: Kysely<Database>, actor: Actor, id: number, input: OrganisationInput): Promise<void> {
	requireCoordinator(actor);
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const before = await repo.findOrganisationForUpdate(trx, id);
			if (!before) throw new NotFoundError();
			const row = rowOf(input);
			if (await repo.findOrganisationByNameKey(trx, row.nameKey, id)) throw new ValidationError('co_error_organisation_name_taken', 'name');
			await repo.updateOrganisation(trx, id, row, nowDb());
			const { id: _id, kind: _kind, ...old } = before;
			await audit(trx, { actorId: actor.id, action: 'organisation.updated', entityType: 'organisation', entityId: id, before: old, after: input });
		})
	);
}

export const listOrganisations = (db: Kysely<Database>) => repo.listOrganisationsWithCounts(db);

/** An organisation with its trainers (planners flagged); null when unknown. */
export async function organisationDetail(db: Kysely<Database>, id: number) {
	const organisation = await repo.findOrganisation(db, id);
	if (!organisation) return null;
	const trainers = (await repo.listTrainersOfOrganisation(db, id)).map(({ passwordHash, ...t }) => ({ ...t, invited: passwordHash === null }));
	return { organisation, trainers };
}

/**
 * Invites a person straight into this organisation as a trainer, or as a planner
 * (a trainer with the planner flag), through the people page's invitation service:
 * same one-time link, same outbox mail, same audit.
 */
export async function inviteIntoOrganisation(
	db: Kysely<Database>,
	actor: Actor,
	organisationId: number,
	input: { email: string; displayName: string; locale: Locale; planner: boolean }
) {
	requireCoordinator(actor);
	if (!(await repo.findOrganisation(db, organisationId))) throw new NotFoundError();
	return inviteUser(db, actor, { ...input, role: 'trainer', organisationId });
}

/** For the first-run checklist. */
export const countOrganisations = (db: Db) => repo.countOrganisationRows(db);
/** Trainers (invited or active, not disabled) who belong to an organisation. */
export const countOrganisationTrainers = (db: Db) => repo.countTrainerRows(db);
