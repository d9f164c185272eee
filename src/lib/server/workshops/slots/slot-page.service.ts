import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { clock, fromDbTime } from '../../db/time';
import { NotFoundError } from '../../errors';
import * as repo from './slot-detail.repository';
import { listTrainersOfSlots } from './slot-people.repository';
import { groupBy, localTimes, slotState } from './slot-view';
import { coordinatorEdition } from '../../campaigns/coordinator-edition';

export const historyLimit = 50;

/** The choices of the slot forms: active campuses (those taking part first in the form) and the expert organisations. */
export async function slotFormChoices(db: Kysely<Database>, actor: Actor, editionId: number) {
	return choicesFor(db, await coordinatorEdition(db, actor, editionId));
}

async function choicesFor(db: Kysely<Database>, edition: Awaited<ReturnType<typeof coordinatorEdition>>) {
	const [campuses, organisations] = await Promise.all([repo.listCampusChoices(db, edition.id), repo.listExpertOrganisations(db)]);
	return {
		edition: { id: edition.id, name: edition.name, status: edition.status, workshopStartsOn: edition.workshopStartsOn, workshopEndsOn: edition.workshopEndsOn },
		campuses: campuses.map((c) => ({ id: c.id, name: c.name, schoolName: c.schoolName, takingPart: Boolean(Number(c.takingPart)) })),
		organisations
	};
}

type Detail = NonNullable<Awaited<ReturnType<typeof repo.findSlotDetail>>>;

/** The slot's settings as the edit form shows them (strings, like a posted form). */
const formValues = (s: Detail) => {
	const t = localTimes(s);
	return {
		campusId: String(s.campusId),
		localDate: s.localDate,
		startTime: t.start,
		endTime: t.end,
		room: s.room ?? '',
		language: s.language,
		trainersNeeded: String(s.trainersNeeded),
		maxPupils: s.maxPupils === null ? '' : String(s.maxPupils),
		organisationId: s.organisationId === null ? '' : String(s.organisationId),
		trainerNote: s.trainerNote ?? '',
		outsideHours: s.hoursExceptionReason ? '1' : '',
		hoursExceptionReason: s.hoursExceptionReason ?? ''
	};
};

const report = (s: Detail) =>
	s.outcome === null
		? null
		: {
				outcome: s.outcome,
				pupilsPresent: s.pupilsPresent,
				durationMinutes: s.durationMinutes,
				notGivenReason: s.notGivenReason,
				note: s.reportNote,
				reportedAt: s.reportedAt ? fromDbTime(s.reportedAt) : null,
				reporterName: s.reporterName
			};

/** The campus's classes, each with the other slots it is already in. */
async function classChoices(db: Kysely<Database>, s: Detail) {
	const classes = await repo.listCampusClasses(db, s);
	const others = groupBy(
		await repo.listOtherSlotsOfClasses(
			db,
			classes.map((c) => c.id),
			s.id
		),
		(o) => o.classId
	);
	return classes.map((c) => ({
		id: c.id,
		name: c.name,
		grade: c.grade,
		pupilCount: c.pupilCount,
		status: c.status,
		inSlot: Boolean(Number(c.inSlot)),
		otherSlots: (others.get(c.id) ?? []).map((o) => ({ id: o.id, localDate: o.localDate, ...localTimes(o) }))
	}));
}

const parse = (json: string | null): Record<string, unknown> => {
	try {
		return json ? (JSON.parse(json) as Record<string, unknown>) : {};
	} catch {
		return {};
	}
};

/** The audit entries of the slot, with the trainer each one is about named (one query for all names). */
async function history(db: Kysely<Database>, slotId: number) {
	const rows = (await repo.listSlotHistory(db, slotId, historyLimit)).map((r) => ({ ...r, before: parse(r.beforeJson), after: parse(r.afterJson) }));
	const trainerOf = (r: (typeof rows)[number]) => Number(r.after.trainerId ?? r.before.trainerId ?? 0) || null;
	const ids = [...new Set(rows.map(trainerOf).filter((id): id is number => id !== null))];
	const names = new Map((await repo.listUserNames(db, ids)).map((u) => [u.id, u.displayName]));
	return rows.map((r) => ({
		id: r.id,
		action: r.action,
		at: fromDbTime(r.createdAt),
		actorName: r.actorName,
		trainerName: names.get(trainerOf(r) ?? 0) ?? null,
		reason: typeof r.after.reason === 'string' ? r.after.reason : null
	}));
}

/** Everything a slot's page shows; NotFound when the slot is not of this edition. */
export async function slotPage(db: Kysely<Database>, actor: Actor, editionId: number, slotId: number) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const s = await repo.findSlotDetail(db, slotId);
	if (!s || s.editionId !== editionId) throw new NotFoundError();
	const [choices, classes, trainers, eligible, events] = await Promise.all([
		choicesFor(db, edition),
		classChoices(db, s),
		listTrainersOfSlots(db, [slotId]),
		repo.listEligibleTrainers(db, s.organisationId),
		history(db, slotId)
	]);
	const booked = new Set(trainers.map((t) => t.id));
	return {
		...choices,
		slot: {
			id: s.id,
			localDate: s.localDate,
			...localTimes(s),
			campusName: s.campusName,
			schoolName: s.schoolName,
			address: `${s.street}, ${s.postalCode} ${s.city}`,
			room: s.room,
			language: s.language,
			trainersNeeded: s.trainersNeeded,
			trainersBooked: s.trainersBooked,
			maxPupils: s.maxPupils,
			offeredTo: s.organisationName,
			trainerNote: s.trainerNote,
			status: s.status,
			cancelReason: s.cancelReason,
			hoursExceptionReason: s.hoursExceptionReason,
			state: slotState(s, clock.now()),
			started: fromDbTime(s.startsAt) <= clock.now()
		},
		values: formValues(s),
		report: report(s),
		classes,
		trainers: trainers.map((t) => ({ id: t.id, displayName: t.displayName, organisationName: t.organisationName })),
		eligibleTrainers: eligible.filter((t) => !booked.has(t.id)),
		history: events
	};
}
