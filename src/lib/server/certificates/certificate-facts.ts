import type { Db } from '../db';
import { isCoordinator, type Actor } from '../auth/actor';
import { clock } from '../db/time';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { assertTeacherOfCampus } from '../auth/campus-access';
import { brusselsDateOf } from '../../time/brussels';
import * as repo from './certificate.repository';
import { reachOfCampus } from '../reports/reach.repository';

/** What a certificate certifies, frozen at issue time (certificates.facts_json). */
export interface CertificateFacts {
	editionName: string;
	editionYear: number;
	campaignName: string;
	schoolName: string | null;
	campusName: string | null;
	className: string | null;
	grade: string | null;
	workshops: { date: string; organisation: string | null }[];
	/** A class that took part with the materials only, without a workshop (issue 17.5); absent on older certificates. */
	materialsOnly?: boolean;
	classesReached: number | null;
	pupilsReached: number | null;
	trainerName: string | null;
	organisationName: string | null;
	workshopsGiven: number | null;
}

export type CertificateKind = 'class' | 'campus' | 'trainer';

/** The subject of a certificate: what the unique key and the facts are about. */
export type Subject =
	{ kind: 'class'; classId: number } | { kind: 'campus'; editionId: number; campusId: number } | { kind: 'trainer'; editionId: number; trainerId: number };

export interface BuiltSubject {
	editionId: number;
	subjectKey: string;
	campusId: number | null;
	classId: number | null;
	trainerId: number | null;
	facts: CertificateFacts;
}

const emptyFacts = {
	schoolName: null,
	campusName: null,
	className: null,
	grade: null,
	classesReached: null,
	pupilsReached: null,
	trainerName: null,
	organisationName: null,
	workshopsGiven: null
};

/** The edition's workshop period is over (Brussels days) or the edition is archived. */
export function editionEnded(edition: { editionStatus: string; workshopEndsOn: string }): boolean {
	return edition.editionStatus === 'archived' || edition.workshopEndsOn < brusselsDateOf(clock.now());
}

/** One line per workshop: a workshop given by trainers of two organisations names both. */
function workshopLines(rows: { slotId: number; localDate: string; organisation: string | null }[]) {
	const bySlot = new Map<number, { date: string; orgs: string[] }>();
	for (const r of rows) {
		const line = bySlot.get(r.slotId) ?? { date: r.localDate, orgs: [] };
		if (r.organisation && !line.orgs.includes(r.organisation)) line.orgs.push(r.organisation);
		bySlot.set(r.slotId, line);
	}
	return [...bySlot.values()].map((l) => ({ date: l.date, organisation: l.orgs.length ? l.orgs.sort().join(', ') : null }));
}

/** Teachers and trainers wait for a given workshop; coordinators issue any certificate. */
const limited = (actor: Actor | null) => actor !== null && !isCoordinator(actor);

const notYourCampus = () => new ForbiddenError('cert_error_not_your_campus');

export async function buildClassSubject(db: Db, actor: Actor | null, classId: number): Promise<BuiltSubject> {
	const subject = await repo.findClassSubject(db, classId);
	if (!subject) throw new NotFoundError('cert_error_not_found');
	if (actor) await assertTeacherOfCampus(db, actor, subject.campusId, notYourCampus);
	if (subject.classStatus !== 'enrolled') throw new ConflictError('cert_error_class_not_enrolled');
	const slots = await repo.listGivenSlotsOfClass(db, classId);
	if (limited(actor) && slots.length === 0 && !editionEnded(subject)) throw new ConflictError('cert_error_not_given_yet');
	return classSubjectOf(subject, slots);
}

/** A class certificate's subject from its rows: shared by one-at-a-time and bulk issuing. */
export function classSubjectOf(subject: repo.ClassSubjectRow, slots: { slotId: number; localDate: string; organisation: string | null }[]): BuiltSubject {
	return {
		editionId: subject.editionId,
		subjectKey: `class:${subject.classId}`,
		campusId: subject.campusId,
		classId: subject.classId,
		trainerId: null,
		facts: {
			...emptyFacts,
			editionName: subject.editionName,
			editionYear: subject.editionYear,
			campaignName: subject.campaignName,
			schoolName: subject.schoolName,
			campusName: subject.campusName,
			className: subject.className,
			grade: subject.grade,
			workshops: workshopLines(slots),
			...(subject.participation === 'materials' ? { materialsOnly: true } : {})
		}
	};
}

export async function buildCampusSubject(db: Db, actor: Actor | null, editionId: number, campusId: number): Promise<BuiltSubject> {
	const subject = await repo.findCampusSubject(db, editionId, campusId);
	if (!subject) throw new NotFoundError('cert_error_not_found');
	if (actor) await assertTeacherOfCampus(db, actor, campusId, notYourCampus);
	const [slots, reach] = await Promise.all([repo.listGivenSlotsOfCampus(db, editionId, campusId), reachOfCampus(db, editionId, campusId)]);
	// A campus took part once one of its workshops was given, whatever the date.
	if (limited(actor) && slots.length === 0) throw new ConflictError('cert_error_not_given_yet');
	const workshops = workshopLines(slots);
	return {
		editionId,
		subjectKey: `campus:${campusId}`,
		campusId,
		classId: null,
		trainerId: null,
		facts: {
			...emptyFacts,
			editionName: subject.editionName,
			editionYear: subject.editionYear,
			campaignName: subject.campaignName,
			schoolName: subject.schoolName,
			campusName: subject.campusName,
			workshops,
			// The campus page's and the council report's figures (reach.repository), not the
			// pupils present at the workshops: that sum said 46 where the campus page said 47.
			classesReached: reach.classes,
			pupilsReached: reach.pupils
		}
	};
}

export async function buildTrainerSubject(db: Db, actor: Actor | null, editionId: number, trainerId: number): Promise<BuiltSubject> {
	if (actor && !isCoordinator(actor) && actor.id !== trainerId) throw new ForbiddenError('cert_error_not_yours');
	const subject = await repo.findTrainerSubject(db, editionId, trainerId);
	if (!subject) throw new NotFoundError('cert_error_not_found');
	const slots = await repo.listGivenSlotsOfTrainer(db, editionId, trainerId);
	if (limited(actor) && slots.length === 0) throw new ConflictError('cert_error_not_given_yet');
	return {
		editionId,
		subjectKey: `trainer:${trainerId}`,
		campusId: null,
		classId: null,
		trainerId,
		facts: {
			...emptyFacts,
			editionName: subject.editionName,
			editionYear: subject.editionYear,
			campaignName: subject.campaignName,
			workshops: slots.map((s) => ({ date: s.localDate, organisation: subject.organisationName })),
			trainerName: subject.trainerName,
			organisationName: subject.organisationName,
			workshopsGiven: slots.length
		}
	};
}

/** Builds the facts of a subject; with an actor, checks that they may have it. */
export function buildSubject(db: Db, actor: Actor | null, s: Subject): Promise<BuiltSubject> {
	if (s.kind === 'class') return buildClassSubject(db, actor, s.classId);
	if (s.kind === 'campus') return buildCampusSubject(db, actor, s.editionId, s.campusId);
	return buildTrainerSubject(db, actor, s.editionId, s.trainerId);
}
