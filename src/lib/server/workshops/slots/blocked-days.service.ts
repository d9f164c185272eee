import type { Kysely } from 'kysely';
import { audit } from '../../audit/audit';
import { requireCoordinator, type Actor } from '../../auth/actor';
import { findEditionForUpdate } from '../../campaigns/edition.repository';
import type { Db } from '../../db/index';
import type { BlockedDayKind, Database } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { maxBlockedRangeDays, type BlockDaysInput } from '../../../schemas/blocked-day';
import { belgianHolidayOn, belgianHolidaysBetween } from '../../../time/belgian-holidays';
import { flemishSchoolHolidayOn, flemishSchoolHolidaysBetween } from '../../../calendar/flemish-school-holidays';
import { addDays, addYears } from '../../../time/brussels';
import * as m from '../../../paraglide/messages';
import * as repo from './blocked-days.repository';
import type { ImportEntry, ImportProblem } from './blocked-days-import';
import { coordinatorEdition } from '../../campaigns/coordinator-edition';
import { groupIntoPeriods } from './blocked-periods';

/** An edition's workshop period: blocked days only matter (and are only accepted) inside it. */
export interface WorkshopPeriod {
	workshopStartsOn: string;
	workshopEndsOn: string;
}

/** Whether no slot may be placed on this Brussels day of the edition. */
export function isBlockedDay(db: Db, editionId: number, localDate: string): Promise<boolean> {
	return repo.isBlocked(db, editionId, localDate);
}

function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let d = from; d <= to && days.length <= maxBlockedRangeDays; d = addDays(d, 1)) days.push(d);
	return days;
}

const entry = (editionId: number, kind: BlockedDayKind, label: string | null) => (localDate: string) => ({ editionId, localDate, kind, label });

/** The edition, locked, or a refusal when it does not exist or is archived (archived editions are read-only). */
async function lockEditable(db: Db, editionId: number) {
	const edition = await findEditionForUpdate(db, editionId);
	if (!edition) throw new NotFoundError();
	if (edition.status === 'archived') throw new ConflictError('bd_error_archived');
	return edition;
}

/**
 * Adds the Belgian public holidays of the period that are not blocked yet.
 * Holidays keep a NULL label: the page names them from their date in the
 * reader's language. Part of the caller's transaction; returns the dates added.
 */
async function addPublicHolidays(db: Db, editionId: number, period: WorkshopPeriod): Promise<string[]> {
	const taken = await repo.listBlockedDatesBetween(db, editionId, period.workshopStartsOn, period.workshopEndsOn);
	// Ascension can fall on 1 May: one row per day.
	const dates = [...new Set(belgianHolidaysBetween(period.workshopStartsOn, period.workshopEndsOn).map((h) => h.date))].filter((d) => !taken.has(d));
	await repo.insertBlockedDays(db, dates.map(entry(editionId, 'public_holiday', null)));
	return dates;
}

/**
 * Adds the days of the Flemish school holidays within the period (weekends
 * included, as a blocked range is) that are not blocked yet, after the public
 * holidays. Like those they keep a NULL label and are named from their date.
 * Days the coordinator blocked otherwise keep their kind and label.
 */
async function addSchoolHolidays(db: Db, editionId: number, period: WorkshopPeriod, from = period.workshopStartsOn): Promise<string[]> {
	const start = from > period.workshopStartsOn ? from : period.workshopStartsOn;
	const taken = await repo.listBlockedDatesBetween(db, editionId, start, period.workshopEndsOn);
	const dates = flemishSchoolHolidaysBetween(start, period.workshopEndsOn)
		.map((h) => h.date)
		.filter((d) => !taken.has(d));
	await repo.insertBlockedDays(db, dates.map(entry(editionId, 'school_holiday', null)));
	return dates;
}

/** Public holidays, then school holidays: the dates added of each. */
async function addComputedDays(db: Db, editionId: number, period: WorkshopPeriod, schoolHolidaysFrom?: string) {
	const publicHolidays = await addPublicHolidays(db, editionId, period);
	const schoolHolidays = await addSchoolHolidays(db, editionId, period, schoolHolidaysFrom);
	return { publicHolidays, schoolHolidays };
}

/** A day the prefill computes (so a copy computes it again rather than moving it a year on). */
const isComputed = (day: { kind: BlockedDayKind; label: string | null; localDate: string }) =>
	(day.kind === 'public_holiday' && !!belgianHolidayOn(day.localDate)) ||
	(day.kind === 'school_holiday' && day.label === null && !!flemishSchoolHolidayOn(day.localDate));

/**
 * For createEdition, inside its transaction: a new edition starts with its
 * public holidays and school holidays blocked. The caller's audit entry lists the dates.
 */
export const prefillNewEdition = (trx: Db, editionId: number, period: WorkshopPeriod) => addComputedDays(trx, editionId, period);

/**
 * For copyEdition, inside its transaction: the source's pattern one year on.
 * Public and school holidays are computed again for the new period (Easter
 * moves); every other blocked day moves by one calendar year and stays only
 * inside the period. Returns what was added, for the caller's audit entry.
 */
export async function copyBlockedDays(trx: Db, sourceId: number, targetId: number, period: WorkshopPeriod) {
	const computed = await addComputedDays(trx, targetId, period);
	const taken = new Set([...computed.publicHolidays, ...computed.schoolHolidays]);
	const shifted: repo.BlockedDayRow[] = [];
	for (const day of await repo.listBlockedDays(trx, sourceId)) {
		if (isComputed(day)) continue;
		const localDate = addYears(day.localDate, 1);
		if (localDate < period.workshopStartsOn || localDate > period.workshopEndsOn || taken.has(localDate)) continue;
		taken.add(localDate);
		shifted.push({ editionId: targetId, localDate, kind: day.kind, label: day.label });
	}
	await repo.insertBlockedDays(trx, shifted);
	return { ...computed, shifted: shifted.map((d) => ({ date: d.localDate, kind: d.kind, label: d.label })) };
}

/**
 * The page: the edition, its blocked days in date order with how many scheduled
 * slots each already has, and the same days folded into periods (the table's rows).
 */
export async function blockedDaysPage(db: Kysely<Database>, actor: Actor, editionId: number) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const [rows, slots] = await Promise.all([repo.listBlockedDays(db, editionId), repo.countScheduledSlotsOnBlockedDays(db, editionId)]);
	const days = rows.map((d) => ({
		date: d.localDate,
		kind: d.kind,
		label: d.label,
		holiday: d.kind === 'public_holiday' ? (belgianHolidayOn(d.localDate)?.key ?? null) : null,
		schoolHoliday: d.kind === 'school_holiday' ? flemishSchoolHolidayOn(d.localDate) : null,
		scheduledSlots: slots.get(d.localDate) ?? 0
	}));
	return {
		edition: { id: edition.id, name: edition.name, status: edition.status, workshopStartsOn: edition.workshopStartsOn, workshopEndsOn: edition.workshopEndsOn },
		days,
		periods: groupIntoPeriods(days)
	};
}

/**
 * Blocks one day or a range, one row per day, skipping days already blocked.
 * Slots already on those days stay (the page warns about them).
 */
export async function addBlockedDays(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	input: BlockDaysInput
): Promise<{ added: number; skipped: number }> {
	requireCoordinator(actor);
	const single = input.from === input.to;
	const dates = daysBetween(input.from, input.to);
	if (dates.length > maxBlockedRangeDays) throw new ValidationError('bd_v_range_too_long', 'to', { max: maxBlockedRangeDays });
	return withTransaction(db, async (trx) => {
		const edition = await lockEditable(trx, editionId);
		if (input.from < edition.workshopStartsOn) throw new ValidationError(single ? 'bd_error_outside_period' : 'bd_error_range_outside_period', 'from');
		if (input.to > edition.workshopEndsOn)
			throw new ValidationError(single ? 'bd_error_outside_period' : 'bd_error_range_outside_period', single ? 'from' : 'to');
		const taken = await repo.listBlockedDatesBetween(trx, editionId, input.from, input.to);
		const fresh = dates.filter((d) => !taken.has(d));
		if (!fresh.length) throw new ValidationError(single ? 'bd_error_already_blocked' : 'bd_error_range_already_blocked', 'from');
		await repo.insertBlockedDays(trx, fresh.map(entry(editionId, input.kind, input.label)));
		await audit(trx, {
			actorId: actor.id,
			action: 'edition.blocked_days.added',
			entityType: 'edition',
			entityId: editionId,
			after: { kind: input.kind, label: input.label, dates: fresh }
		});
		return { added: fresh.length, skipped: dates.length - fresh.length };
	});
}

export async function removeBlockedDay(db: Kysely<Database>, actor: Actor, editionId: number, localDate: string): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		await lockEditable(trx, editionId);
		const removed = await repo.removeBlockedDay(trx, editionId, localDate);
		if (!removed) throw new ConflictError('bd_error_not_blocked');
		const before = { date: removed.localDate, kind: removed.kind, label: removed.label };
		await audit(trx, { actorId: actor.id, action: 'edition.blocked_days.removed', entityType: 'edition', entityId: editionId, before });
	});
}

/**
 * Releases a period as the page shows it: the days of that kind from its first
 * to its last day. Only that kind, so a day blocked otherwise inside the range
 * (a study day added since the page was drawn) stays blocked. Returns how many.
 */
export async function removeBlockedPeriod(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	period: { from: string; to: string; kind: BlockedDayKind }
): Promise<number> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		await lockEditable(trx, editionId);
		const dates = await repo.removeBlockedRange(trx, editionId, period.from, period.to, period.kind);
		if (!dates.length) throw new ConflictError('bd_error_not_blocked');
		await audit(trx, {
			actorId: actor.id,
			action: 'edition.blocked_days.removed',
			entityType: 'edition',
			entityId: editionId,
			before: { kind: period.kind, dates }
		});
		return dates.length;
	});
}

/** Releases every day of one kind; returns how many. */
export async function removeBlockedKind(db: Kysely<Database>, actor: Actor, editionId: number, kind: BlockedDayKind): Promise<number> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		await lockEditable(trx, editionId);
		const dates = await repo.removeBlockedKind(trx, editionId, kind);
		if (dates.length)
			await audit(trx, { actorId: actor.id, action: 'edition.blocked_days.kind_removed', entityType: 'edition', entityId: editionId, before: { kind, dates } });
		return dates.length;
	});
}

/**
 * "Fill in public and school holidays": the ones inside the workshop period that
 * are missing. Days blocked otherwise stay as they are; a day released by hand
 * comes back only when the coordinator asks for this again. Returns how many of each were added.
 * `schoolHolidaysFrom` (the demo seed's today) leaves the school holidays before it out.
 */
export async function prefillHolidays(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	opts: { schoolHolidaysFrom?: string } = {}
): Promise<{ publicHolidays: number; schoolHolidays: number }> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const edition = await lockEditable(trx, editionId);
		const added = await addComputedDays(trx, editionId, edition, opts.schoolHolidaysFrom);
		if (added.publicHolidays.length || added.schoolHolidays.length)
			await audit(trx, { actorId: actor.id, action: 'edition.blocked_days.prefilled', entityType: 'edition', entityId: editionId, after: added });
		return { publicHolidays: added.publicHolidays.length, schoolHolidays: added.schoolHolidays.length };
	});
}

/**
 * Blocks the days of an imported list (see blocked-days-import), all or nothing:
 * when an entry reaches outside the workshop period, nothing is written and each
 * such line is named. Days already blocked are skipped and keep what they were.
 */
export async function importBlockedDays(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	kind: BlockedDayKind,
	entries: ImportEntry[]
): Promise<{ ok: true; added: number; skipped: number } | { ok: false; problems: ImportProblem[] }> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const edition = await lockEditable(trx, editionId);
		const problems = entries
			.filter((e) => e.from < edition.workshopStartsOn || e.to > edition.workshopEndsOn)
			.map((e) => ({ line: e.line, message: m.bd_import_p_outside() }));
		if (problems.length) return { ok: false as const, problems };
		const labels = new Map<string, string | null>();
		for (const e of entries) for (const d of daysBetween(e.from, e.to)) if (!labels.has(d)) labels.set(d, e.label);
		const taken = await repo.listBlockedDatesBetween(trx, editionId, edition.workshopStartsOn, edition.workshopEndsOn);
		const fresh = [...labels.keys()].filter((d) => !taken.has(d)).sort();
		await repo.insertBlockedDays(
			trx,
			fresh.map((d) => ({ editionId, localDate: d, kind, label: labels.get(d) ?? null }))
		);
		if (fresh.length)
			await audit(trx, {
				actorId: actor.id,
				action: 'edition.blocked_days.imported',
				entityType: 'edition',
				entityId: editionId,
				after: { kind, dates: fresh }
			});
		return { ok: true as const, added: fresh.length, skipped: labels.size - fresh.length };
	});
}
