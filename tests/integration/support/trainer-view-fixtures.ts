import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database } from '../../../src/lib/server/db/schema';
import { createSlot } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import type { SlotInput } from '../../../src/lib/server/workshops/slots/slot-input';
import type { TrainerUser } from '../../../src/lib/server/workshops/trainers/trainer-views.service';
import { coordinatorActor, createEdition } from './enrolment-fixtures';
import { createOrganisation, createUser } from './fixtures';
import { campusWithPupils } from './kit-fixtures';

/** A trainer account as the trainer's pages see it (the session user). */
export async function trainer(db: Kysely<Database>, email: string, organisationId: number | null, opts: { planner?: boolean } = {}): Promise<TrainerUser> {
	const name = email.split('@')[0].replace(/\./g, ' ');
	const id = await createUser(db, { email, roles: ['trainer'], name, organisationId: organisationId ?? undefined });
	if (opts.planner) await db.updateTable('users').set({ planner: 1 }).where('id', '=', id).execute();
	return { id, displayName: name, roles: ['trainer'], organisationId };
}

/**
 * A published edition (workshops 20 April – 7 June 2027) with two campuses of
 * enrolled classes, two expert organisations, and a coordinator to plan.
 */
export async function planningWorld(db: Kysely<Database>) {
	const coordinator = await coordinatorActor(db);
	const editionId = await createEdition(db);
	const welJong = await createOrganisation(db, 'Wel Jong');
	const cavaria = await createOrganisation(db, 'çavaria');
	const north = await campusWithPupils(db, editionId, 'noord@school.be', ['L5:22', 'L6:19']);
	const south = await campusWithPupils(db, editionId, 'zuid@school.be', ['S1:25']);
	return { coordinator, editionId, welJong, cavaria, north, south };
}

export const slotAt = (campusId: number, localDate: string, startTime: string, extra: Partial<SlotInput> = {}): SlotInput => {
	const [h, mi] = startTime.split(':').map(Number);
	const end = h * 60 + mi + 50;
	return {
		campusId,
		localDate,
		startTime,
		endTime: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
		room: 'B.204',
		language: 'nl',
		trainersNeeded: 1,
		maxPupils: null,
		organisationId: null,
		trainerNote: 'Bel aan bij het secretariaat.',
		...extra
	};
};

export const newSlot = (db: Kysely<Database>, coordinator: Actor, editionId: number, input: SlotInput) => createSlot(db, coordinator, editionId, input);
