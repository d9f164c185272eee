import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { campusHistory, listCurrentClassesOfCampus, listTeachersOfCampus } from './campus-detail.repository';
import { findCampusById, listLevelsOfCampuses } from './campus.repository';

/** Everything the coordinator's campus page shows, read in a fixed handful of queries; null if there is no such campus. */
export async function campusDetail(db: Kysely<Database>, id: number) {
	const campus = await findCampusById(db, id);
	if (!campus) return null;
	const [levels, teachers, classes, history] = await Promise.all([
		listLevelsOfCampuses(db, [id]),
		listTeachersOfCampus(db, id),
		listCurrentClassesOfCampus(db, id),
		campusHistory(db, id)
	]);
	return {
		campus: {
			id: campus.id,
			schoolId: campus.schoolId,
			schoolName: campus.schoolName,
			name: campus.name,
			street: campus.street,
			postalCode: campus.postalCode,
			city: campus.city,
			contactName: campus.contactName,
			contactEmail: campus.contactEmail,
			contactPhone: campus.contactPhone,
			inviteCode: campus.inviteCode,
			active: campus.active === 1,
			levels: levels.get(id) ?? []
		},
		teachers: teachers.map((t) => ({ ...t, disabled: t.disabled === 1 })),
		classes: classes.map(({ queueCount, ...c }) => ({ ...c, waitingPosition: c.status === 'waiting' ? Number(queueCount) : null })),
		history
	};
}
