import { copyCatalogue } from '../kits/catalogue.service';
import { copyMaterials } from '../materials/material-copy';
import { copyBlockedDays, prefillNewEdition } from '../workshops/slots/blocked-days.service';
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Row } from '../db/rows';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { fromDbTime, nowDb, toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { applyQuotas } from '../enrolments/quota-change.service';
import { defaultSchoolHoursText } from '../../calendar/school-hours';
import { grades as allGrades } from '../../domain';
import { limits } from '../../limits';
import { editionYearMax, rulesOf, type EditionInput } from '../../schemas/edition';
import { addYears, brusselsDateOf, brusselsTimeOf, brusselsToUtc } from '../../time/brussels';
import * as repo from './edition-admin.repository';
import { findEditionById, findEditionForUpdate, listEditionGrades } from './edition.repository';

type EditionRow = Row<'editions'>;
/** Certificate branding has its own form and audit entry. */
type BrandingColumn = `certificate${string}` & keyof EditionRow;

/** What the audit log keeps of an edition: every setting a coordinator can change in its form. */
function snapshot(e: Omit<EditionRow, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt' | BrandingColumn>, grades: string[]) {
	return {
		campaignId: e.campaignId,
		year: e.year,
		name: e.name,
		status: e.status,
		descriptionNl: e.descriptionNl,
		descriptionEn: e.descriptionEn,
		enrolmentOpensAt: e.enrolmentOpensAt,
		enrolmentClosesAt: e.enrolmentClosesAt,
		workshopStartsOn: e.workshopStartsOn,
		workshopEndsOn: e.workshopEndsOn,
		maxClasses: e.maxClasses,
		maxClassesPerCampus: e.maxClassesPerCampus,
		copiedFromEditionId: e.copiedFromEditionId,
		...rulesOf(e),
		schoolHours: e.schoolHours,
		// In the domain's order, so that an unchanged set never reads as a change.
		grades: allGrades.filter((g) => grades.includes(g))
	};
}

/** Only the fields that changed, so the log reads as "what was edited"; null when nothing did. */
function changes<T extends Record<string, unknown>>(before: T, after: T) {
	const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
	if (!keys.length) return null;
	return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/** `schoolHours` is the stored week to keep when the form did not post one. */
const settingsOf = (input: EditionInput, schoolHours: string): repo.EditionSettings => ({
	campaignId: input.campaignId,
	year: input.year,
	name: input.name,
	descriptionNl: input.descriptionNl,
	descriptionEn: input.descriptionEn,
	enrolmentOpensAt: toDbTime(input.enrolmentOpensAt),
	enrolmentClosesAt: toDbTime(input.enrolmentClosesAt),
	workshopStartsOn: input.workshopStartsOn,
	workshopEndsOn: input.workshopEndsOn,
	...rulesOf(input),
	schoolHours: input.schoolHours ?? schoolHours
});

const isYearClash = (err: unknown) =>
	isUniqueViolation(err) && /editions_campaign_year_uq|editions\.campaign_id, editions\.year/.test(String((err as Error).message));

/** The unique key (campaign, year) decides, also between two coordinators saving at once. */
async function mapYearClash<T>(fn: () => Promise<T>, error: () => ValidationError): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isYearClash(err)) throw error();
		throw err;
	}
}

async function assertCampaign(trx: Transaction<Database>, campaignId: number) {
	const campaign = await repo.findCampaignById(trx, campaignId);
	if (!campaign) throw new ValidationError('ed_error_campaign_unknown', 'campaignId');
	return campaign;
}

/** A new edition starts as a draft: schools see nothing until it is published. */
export async function createEdition(db: Kysely<Database>, actor: Actor, input: EditionInput): Promise<number> {
	requireCoordinator(actor);
	const grades = [...new Set(input.grades)];
	return mapYearClash(
		() =>
			withTransaction(db, async (trx) => {
				await assertCampaign(trx, input.campaignId);
				const row = {
					...settingsOf(input, defaultSchoolHoursText),
					status: 'draft' as const,
					maxClasses: input.maxClasses,
					maxClassesPerCampus: input.maxClassesPerCampus,
					copiedFromEditionId: null
				};
				const id = await repo.insertEdition(trx, { ...row, now: nowDb() });
				await repo.replaceEditionGrades(trx, id, grades);
				const { publicHolidays, schoolHolidays } = await prefillNewEdition(trx, id, row);
				await audit(trx, {
					actorId: actor.id,
					action: 'edition.created',
					entityType: 'edition',
					entityId: id,
					after: { ...snapshot(row, grades), publicHolidays, schoolHolidays }
				});
				return id;
			}),
		() => new ValidationError('ed_error_year_taken', 'year')
	);
}

/**
 * Saves every setting. Quotas go through applyQuotas in the same transaction: it
 * holds the edition lock, promotes waiting classes when a maximum is raised and
 * never demotes when one is lowered. Returns how many classes got a place.
 */
export async function updateEdition(db: Kysely<Database>, actor: Actor, editionId: number, input: EditionInput): Promise<{ promoted: number }> {
	requireCoordinator(actor);
	const grades = [...new Set(input.grades)];
	return mapYearClash(
		() =>
			withTransaction(db, async (trx) => {
				const edition = await findEditionForUpdate(trx, editionId);
				if (!edition) throw new NotFoundError();
				if (edition.status === 'archived') throw new ConflictError('ed_error_archived_readonly');
				if (input.campaignId !== edition.campaignId) await assertCampaign(trx, input.campaignId);
				const before = snapshot(edition, await listEditionGrades(trx, editionId));
				const settings = settingsOf(input, edition.schoolHours);
				await repo.updateEditionSettings(trx, editionId, settings, nowDb());
				await repo.replaceEditionGrades(trx, editionId, grades);
				const promoted = await applyQuotas(trx, actor, editionId, { maxClasses: input.maxClasses, maxClassesPerCampus: input.maxClassesPerCampus });
				const diff = changes(
					before,
					snapshot({ ...edition, ...settings, maxClasses: input.maxClasses, maxClassesPerCampus: input.maxClassesPerCampus }, grades)
				);
				if (diff) await audit(trx, { actorId: actor.id, action: 'edition.updated', entityType: 'edition', entityId: editionId, ...diff });
				return { promoted: promoted.length };
			}),
		() => new ValidationError('ed_error_year_taken', 'year')
	);
}

export type Transition = 'publish' | 'archive' | 'unpublish';

const transitions = {
	publish: { to: 'published', action: 'edition.published' },
	archive: { to: 'archived', action: 'edition.archived' },
	unpublish: { to: 'draft', action: 'edition.unpublished' }
} as const;

/** Why a transition is refused from a status, or null when it is allowed. */
function refusal(transition: Transition, status: EditionRow['status']): string | null {
	if (transition === 'publish') return status === 'draft' ? null : status === 'published' ? 'ed_error_already_published' : 'ed_error_publish_archived';
	if (transition === 'archive') return status === 'published' ? null : status === 'archived' ? 'ed_error_already_archived' : 'ed_error_archive_not_published';
	return status === 'published' ? null : 'ed_error_unpublish_not_published';
}

/**
 * Lifecycle: draft → published → archived, and published → draft only while no
 * class was ever enrolled. Archiving is final. The edition lock keeps a teacher's
 * enrolment from slipping in while an edition goes back to draft.
 */
export async function transitionEdition(db: Kysely<Database>, actor: Actor, editionId: number, transition: Transition): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const edition = await findEditionForUpdate(trx, editionId);
		if (!edition) throw new NotFoundError();
		const refused = refusal(transition, edition.status);
		if (refused) throw new ConflictError(refused);
		if (transition === 'unpublish' && (await repo.editionHasClasses(trx, editionId))) throw new ConflictError('ed_error_unpublish_has_classes');
		const { to, action } = transitions[transition];
		await repo.updateEditionStatus(trx, editionId, to, nowDb());
		await audit(trx, { actorId: actor.id, action, entityType: 'edition', entityId: editionId, before: { status: edition.status }, after: { status: to } });
	});
}

/** An instant moved by whole years on the Brussels calendar, at the same wall-clock time. */
function shiftInstant(value: string, years: number): Date {
	const instant = fromDbTime(value);
	return brusselsToUtc(addYears(brusselsDateOf(instant), years), brusselsTimeOf(instant));
}

/** The source's window and period one year later; a window that 29 February would turn inside out keeps its length. */
function shiftedDates(source: EditionRow) {
	const opens = shiftInstant(source.enrolmentOpensAt, 1);
	let closes = shiftInstant(source.enrolmentClosesAt, 1);
	if (closes <= opens) closes = new Date(opens.getTime() + fromDbTime(source.enrolmentClosesAt).getTime() - fromDbTime(source.enrolmentOpensAt).getTime());
	return {
		enrolmentOpensAt: toDbTime(opens),
		enrolmentClosesAt: toDbTime(closes),
		workshopStartsOn: addYears(source.workshopStartsOn, 1),
		workshopEndsOn: addYears(source.workshopEndsOn, 1)
	};
}

/**
 * "New edition from this one": the next year of the same campaign, as a draft,
 * with the source's descriptions, quotas, grades, dates shifted by a year and its
 * teaching materials and kit catalogue (without stock). Its classes are never copied.
 */
export async function copyEdition(db: Kysely<Database>, actor: Actor, sourceId: number): Promise<{ id: number; name: string }> {
	requireCoordinator(actor);
	let year = 0;
	return mapYearClash(
		() =>
			withTransaction(db, async (trx) => {
				const source = await findEditionById(trx, sourceId);
				if (!source) throw new NotFoundError();
				const campaign = await assertCampaign(trx, source.campaignId);
				year = source.year + 1;
				if (year > editionYearMax || (await repo.findEditionByCampaignYear(trx, campaign.id, year)))
					throw new ValidationError('ed_error_copy_year_taken', undefined, { year });
				const grades = await listEditionGrades(trx, source.id);
				const row = {
					campaignId: campaign.id,
					year,
					name: `${campaign.name.slice(0, limits.editionName - 5)} ${year}`,
					status: 'draft' as const,
					descriptionNl: source.descriptionNl,
					descriptionEn: source.descriptionEn,
					...shiftedDates(source),
					maxClasses: source.maxClasses,
					maxClassesPerCampus: source.maxClassesPerCampus,
					copiedFromEditionId: source.id,
					...rulesOf(source),
					schoolHours: source.schoolHours
				};
				const id = await repo.insertEdition(trx, { ...row, now: nowDb() });
				await repo.replaceEditionGrades(trx, id, grades);
				// Teaching materials come along (pointing at the same stored files); classes never do.
				const materialsCopied = await copyMaterials(trx, source.id, id);
				// The kit catalogue too, without its stock (carrying stock over is a separate, deliberate step).
				await copyCatalogue(trx, source.id, id);
				// Public and school holidays recomputed for the new period, other blocked days a year on; never the slots.
				const blockedDays = await copyBlockedDays(trx, source.id, id, row);
				await audit(trx, {
					actorId: actor.id,
					action: 'edition.copied',
					entityType: 'edition',
					entityId: id,
					before: { editionId: source.id, name: source.name },
					after: { ...snapshot(row, grades), materialsCopied, blockedDays }
				});
				return { id, name: row.name };
			}),
		() => new ValidationError('ed_error_copy_year_taken', undefined, { year })
	);
}
