import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb } from '../../../src/lib/server/db/time';
import { textKey } from '../../../src/lib/server/db/keys';
import { createCampus } from './fixtures';
import { workshopEdition, workshopWorld, type WorkshopWorld } from './workshop-fixtures';

/** A workshop of `campusId` on `localDate`, written as its report left it (bypasses the booking rules on purpose). */
export async function reportedSlot(
	db: Kysely<Database>,
	w: WorkshopWorld,
	opts: {
		editionId?: number;
		campusId: number;
		localDate: string;
		trainers: number[];
		classIds: number[];
		outcome: 'given' | 'not_given' | null;
		cancelled?: boolean;
		minutes?: number;
		pupils?: number;
	}
): Promise<number> {
	const now = nowDb();
	const r = await db
		.insertInto('workshopSlots')
		.values({
			editionId: opts.editionId ?? w.editionId,
			campusId: opts.campusId,
			localDate: opts.localDate,
			startsAt: `${opts.localDate} 08:00:00.000`,
			endsAt: `${opts.localDate} 10:00:00.000`,
			room: null,
			language: 'nl',
			trainersNeeded: opts.trainers.length || 1,
			maxPupils: null,
			organisationId: null,
			trainerNote: null,
			status: opts.cancelled ? 'cancelled' : 'scheduled',
			cancelledAt: opts.cancelled ? now : null,
			cancelReason: null,
			outcome: opts.outcome,
			pupilsPresent: opts.outcome === 'given' ? (opts.pupils ?? 20) : null,
			durationMinutes: opts.outcome === 'given' ? (opts.minutes ?? 100) : null,
			reportNote: opts.outcome ? 'Geheime notitie van de trainer' : null,
			notGivenReason: opts.outcome === 'not_given' ? 'trainer_ill' : null,
			reportedAt: opts.outcome ? now : null,
			reportedBy: opts.outcome ? w.coordinator.id : null,
			createdBy: w.coordinator.id,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	const slotId = Number(r.insertId);
	for (const trainerId of opts.trainers)
		await db.insertInto('slotTrainers').values({ slotId, trainerId, active: 1, bookedAt: now, bookedBy: trainerId }).execute();
	for (const classId of opts.classIds) await db.insertInto('slotClasses').values({ slotId, classId }).execute();
	return slotId;
}

/** An enrolled class inserted as is (the previous edition is archived: the enrolment service would refuse). */
export async function insertClass(
	db: Kysely<Database>,
	editionId: number,
	campusId: number,
	name: string,
	pupilCount: number,
	enrolledBy: number,
	grade = 'L5'
) {
	const now = nowDb();
	const r = await db
		.insertInto('classes')
		.values({
			editionId,
			campusId,
			name,
			nameKey: textKey(name),
			grade,
			level: grade.startsWith('S') ? 'secundair' : 'lager',
			pupilCount,
			language: 'nl',
			remarks: null,
			status: 'enrolled',
			active: 1,
			queuedAt: now,
			enrolledBy,
			withdrawnAt: null,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

/**
 * The report's world: the workshop world (PAARS 2027; Centrum 5A 22 + 5B 20, Noord 6A 18 + 6B 19)
 * and its predecessor PAARS 2026 (archived; Centrum only, one class of 25 and one given workshop).
 * 2027: three given workshops (Wel Jong 2 trainers × 100 min, Wel Jong 1 × 50 min, çavaria 1 × 120 min),
 * one cancelled, one not given, a third campus that did not take part, one still to come; 3 material downloads; 40 + 5 kit items handed out.
 */
export async function reportWorld(db: Kysely<Database>) {
	const w = await workshopWorld(db);
	const [c5a, c5b] = w.centrum.classIds;
	const [n6a, n6b] = w.noord.classIds;
	await reportedSlot(db, w, {
		campusId: w.centrum.campusId,
		localDate: '2027-04-21',
		trainers: [w.anna.id, w.ben.id],
		classIds: [c5a],
		outcome: 'given',
		minutes: 100
	});
	await reportedSlot(db, w, { campusId: w.centrum.campusId, localDate: '2027-04-22', trainers: [w.anna.id], classIds: [c5b], outcome: 'given', minutes: 50 });
	await reportedSlot(db, w, {
		campusId: w.noord.campusId,
		localDate: '2027-04-23',
		trainers: [w.chris.id],
		classIds: [n6a, n6b],
		outcome: 'given',
		minutes: 120
	});
	await reportedSlot(db, w, { campusId: w.noord.campusId, localDate: '2027-04-26', trainers: [w.chris.id], classIds: [], outcome: null, cancelled: true });
	await reportedSlot(db, w, { campusId: w.noord.campusId, localDate: '2027-04-27', trainers: [w.ben.id], classIds: [n6a], outcome: 'not_given' });
	await reportedSlot(db, w, { campusId: w.centrum.campusId, localDate: '2027-05-03', trainers: [], classIds: [], outcome: null });
	await createCampus(db, { name: 'Campus Zuid' });
	await downloads(db, w, 3);
	await kitItem(db, w.editionId, 'Polsbandjes', 40);
	await kitItem(db, w.editionId, 'Affiches', 5);

	const previousId = await workshopEdition(db, { year: 2026, status: 'archived', from: '2026-04-20', to: '2026-06-07' });
	const old = await insertClass(db, previousId, w.centrum.campusId, '4A', 25, w.centrum.teacher.id, 'L4');
	await reportedSlot(db, w, {
		editionId: previousId,
		campusId: w.centrum.campusId,
		localDate: '2026-04-21',
		trainers: [w.anna.id],
		classIds: [old],
		outcome: 'given',
		minutes: 90
	});
	return { ...w, previousId };
}

async function downloads(db: Kysely<Database>, w: WorkshopWorld, n: number) {
	const now = nowDb();
	const r = await db
		.insertInto('materials')
		.values({
			editionId: w.editionId,
			kind: 'link',
			titleNl: 'Lesfiche',
			titleEn: 'Lesson',
			descriptionNl: null,
			descriptionEn: null,
			language: 'nl',
			sortOrder: 1,
			url: 'https://example.org',
			retiredAt: null,
			createdBy: w.coordinator.id,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	for (let i = 0; i < n; i++)
		await db
			.insertInto('materialDownloads')
			.values({
				materialId: Number(r.insertId),
				versionId: null,
				campusId: w.centrum.campusId,
				userId: w.centrum.teacher.id,
				localDate: `2027-04-0${i + 1}`,
				createdAt: now
			})
			.execute();
}

async function kitItem(db: Kysely<Database>, editionId: number, name: string, handedOut: number) {
	const now = nowDb();
	await db
		.insertInto('kitItems')
		.values({
			editionId,
			nameNl: name,
			nameEn: name,
			nameKey: textKey(name),
			unitNl: 'stuk',
			unitEn: 'piece',
			level: null,
			allowanceKind: 'fixed_per_campus',
			marginPerMille: null,
			fixedQuantity: 1,
			lowStockThreshold: null,
			sortOrder: 1,
			active: 1,
			onHand: 100,
			reserved: 0,
			handedOut,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
}
