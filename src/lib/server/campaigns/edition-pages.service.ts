import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { pageCount } from '../pagination';
import { defaultSchoolHoursText } from '../../calendar/school-hours';
import { schoolHoursValues } from '../../schemas/school-hours';
import { defaultClosesTime, defaultOpensTime, defaultWorkshopRules, rulesOf, type WorkshopRules } from '../../schemas/edition';
import { brusselsDateOf, brusselsTimeOf } from '../../time/brussels';
import * as repo from './edition-admin.repository';
import { findEditionById, listEditionGrades } from './edition.repository';
import { enrolmentPhase } from './edition-rules';

/* What the coordinator's edition pages read (the list, an edition's form, a new one); the changes are in edition-admin.service.ts. */

/** The coordinator's list: each edition with its derived enrolment phase and class counts. */
export async function editionListPage(db: Kysely<Database>, paging: { page: number; limit: number; offset: number }) {
	const [total, rows] = await Promise.all([repo.countEditions(db), repo.listEditionPage(db, paging)]);
	const counts = await repo.countClassesByEdition(
		db,
		rows.map((r) => r.id)
	);
	const now = clock.now();
	return {
		total,
		page: paging.page,
		pages: pageCount(total, paging.limit),
		rows: rows.map((r) => ({
			id: r.id,
			name: r.name,
			campaignName: r.campaignName,
			status: r.status,
			phase: enrolmentPhase(r, now),
			opensAt: fromDbTime(r.enrolmentOpensAt),
			closesAt: fromDbTime(r.enrolmentClosesAt),
			workshopStartsOn: r.workshopStartsOn,
			workshopEndsOn: r.workshopEndsOn,
			enrolled: counts.get(r.id)!.enrolled,
			waiting: counts.get(r.id)!.waiting
		}))
	};
}

export const listCampaignOptions = (db: Kysely<Database>) => repo.listCampaigns(db);

/** An edition as its page shows it, with the form's values in Brussels time; null if there is none. */
export async function editionDetail(db: Kysely<Database>, editionId: number) {
	const edition = await findEditionById(db, editionId);
	if (!edition) return null;
	const [grades, counts] = await Promise.all([listEditionGrades(db, editionId), repo.countClassesByEdition(db, [editionId])]);
	const c = counts.get(editionId)!;
	const opens = fromDbTime(edition.enrolmentOpensAt);
	const closes = fromDbTime(edition.enrolmentClosesAt);
	return {
		id: edition.id,
		name: edition.name,
		status: edition.status,
		phase: enrolmentPhase(edition, clock.now()),
		counts: { enrolled: c.enrolled, waiting: c.waiting, any: c.enrolled + c.waiting + c.withdrawn > 0 },
		values: {
			campaignId: String(edition.campaignId),
			year: String(edition.year),
			name: edition.name,
			descriptionNl: edition.descriptionNl ?? '',
			descriptionEn: edition.descriptionEn ?? '',
			opensDate: brusselsDateOf(opens),
			opensTime: brusselsTimeOf(opens),
			closesDate: brusselsDateOf(closes),
			closesTime: brusselsTimeOf(closes),
			workshopStartsOn: edition.workshopStartsOn,
			workshopEndsOn: edition.workshopEndsOn,
			maxClasses: edition.maxClasses === null ? '' : String(edition.maxClasses),
			maxClassesPerCampus: edition.maxClassesPerCampus === null ? '' : String(edition.maxClassesPerCampus),
			...ruleValues(edition),
			...schoolHoursValues(edition.schoolHours)
		},
		grades
	};
}

/** The rules as form values (strings). */
const ruleValues = (e: WorkshopRules) => Object.fromEntries(Object.entries(rulesOf(e)).map(([k, v]) => [k, String(v)]));

/** Empty form values for a new edition: the only campaign preselected, the default times filled in. */
export async function newEditionForm(db: Kysely<Database>) {
	const campaigns = await repo.listCampaigns(db);
	const latest = await repo.latestEditionCampaignId(db);
	const preset = campaigns.length === 1 ? campaigns[0].id : campaigns.find((c) => c.id === latest)?.id;
	return {
		campaigns,
		values: {
			campaignId: preset === undefined ? '' : String(preset),
			opensTime: defaultOpensTime,
			closesTime: defaultClosesTime,
			...ruleValues(defaultWorkshopRules),
			...schoolHoursValues(defaultSchoolHoursText)
		} as Record<string, string>
	};
}
