import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { clock, toDbTime } from '../../db/time';
import { pageCount } from '../../pagination';
import { listPreferredHalfDays } from '../../enrolments/class.repository';
import * as repo from './planning.repository';
import { listProposalCandidates } from './planning-proposals.repository';
import { rankProposals } from './planning-proposals';
import { coordinatorEdition } from '../../campaigns/coordinator-edition';
import { groupBy, localTimes } from './slot-view';

export const planningPageSize = 20;

/**
 * The planning view of an edition: one page of the campuses taking part, each
 * with its enrolled classes that have no scheduled slot yet (and the teachers'
 * preferred half-days and the best slots to place each in) and its coming slots
 * with room for pupils. Six queries per page whatever the number of classes.
 */
export async function planningPage(db: Kysely<Database>, actor: Actor, editionId: number, q: { page: number; all: boolean }) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const onlyUnplanned = !q.all;
	const total = await repo.countPlanningCampuses(db, editionId, onlyUnplanned);
	const pages = pageCount(total, planningPageSize);
	const page = Math.min(q.page, pages);
	const campuses = await repo.listPlanningCampuses(db, editionId, { onlyUnplanned, limit: planningPageSize, offset: (page - 1) * planningPageSize });
	const campusIds = campuses.map((c) => c.id);
	const now = toDbTime(clock.now());
	const [classes, slots] = await Promise.all([repo.listUnplannedClasses(db, editionId, campusIds), repo.listSlotsWithRoom(db, editionId, campusIds, now)]);
	const classIds = classes.map((c) => c.id);
	const [wishes, candidates] = await Promise.all([listPreferredHalfDays(db, classIds), listProposalCandidates(db, editionId, classIds, now)]);
	const halfDays = groupBy(wishes, (h) => h.classId);
	const candidatesOf = groupBy(candidates, (c) => c.classId);
	const classesAt = groupBy(classes, (c) => c.campusId);
	const slotsAt = groupBy(slots, (s) => s.campusId);
	return {
		edition: { id: edition.id, name: edition.name, status: edition.status },
		all: q.all,
		total,
		page,
		pages,
		campuses: campuses.map((c) => ({
			...c,
			classes: (classesAt.get(c.id) ?? []).map((k) => {
				const preferred = (halfDays.get(k.id) ?? []).map((h) => ({ date: h.localDate, part: h.part }));
				return {
					id: k.id,
					name: k.name,
					grade: k.grade,
					pupilCount: k.pupilCount,
					language: k.language,
					preferred,
					proposals: rankProposals(candidatesOf.get(k.id) ?? [], preferred)
				};
			}),
			slots: (slotsAt.get(c.id) ?? []).map((s) => ({
				id: s.id,
				localDate: s.localDate,
				...localTimes(s),
				maxPupils: s.maxPupils,
				pupils: Number(s.pupils ?? 0),
				freePupils: s.maxPupils === null ? null : s.maxPupils - Number(s.pupils ?? 0)
			}))
		}))
	};
}
