import type { Kysely } from 'kysely';
import { listAuditOfEntity } from '../audit/audit.repository';
import { requireCoordinator, type Actor } from '../auth/actor';
import { listActiveCampusIdsOfSchool, listActiveTeachersOfCampus } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { fromDbTime } from '../db/time';
import { nullIfNotFound } from '../errors';
import { classForViewer, enrolFormData } from './enrol-form.service';

/** A class as the coordinator corrects it: details, campuses of its school, and its history. */
export async function classForCoordinator(db: Kysely<Database>, actor: Actor, classId: number) {
	requireCoordinator(actor);
	const cls = await classForViewer(db, actor, classId);
	const siblings = await listActiveCampusIdsOfSchool(db, cls.schoolId);
	const [form, history] = await Promise.all([
		nullIfNotFound(enrolFormData(db, actor, cls.editionId, siblings)),
		listAuditOfEntity(db, 'class', String(classId))
	]);
	return {
		cls,
		campuses: form?.campuses ?? [{ id: cls.campusId, label: `${cls.schoolName} – ${cls.campusName}` }],
		grades: form?.grades ?? [cls.grade],
		history: history.map((h) => ({ id: h.id, action: h.action, actorName: h.actorName, at: fromDbTime(h.createdAt) }))
	};
}

/** Campuses to pick from when a coordinator enrols on a teacher's behalf, and the chosen one's teachers. */
export async function teachersOfCampus(db: Kysely<Database>, campusId: number) {
	return listActiveTeachersOfCampus(db, campusId);
}
