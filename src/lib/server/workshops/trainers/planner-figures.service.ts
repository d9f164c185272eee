import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema';
import { fromDbTime } from '../../db/time';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Download } from '../../http/download';
import { csvContentType, csvDocument } from '../../reports/csv';
import { findOrganisationName } from '../../users/user-list.repository';
import * as m from '../../../paraglide/messages';
import { brusselsTimeOf } from '../../../time/brussels';
import { slug } from '../../../slug';
import * as repo from './planner-figures.repository';
import { plannerOrganisation } from './trainer-planner.service';
import { requireTrainer, type TrainerUser } from './trainer-views.service';

const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The organisation a planner plans for, or a refusal: a planner only ever sees their own organisation's figures. */
async function ownOrganisation(db: Kysely<Database>, user: TrainerUser): Promise<number> {
	requireTrainer(user);
	const organisationId = await plannerOrganisation(db, user);
	if (organisationId === null) throw new ForbiddenError();
	return organisationId;
}

/** The edition asked for among the organisation's, else its newest; null when it has none yet. */
async function pickEdition(db: Kysely<Database>, organisationId: number, editionId: number | null) {
	const editions = await repo.listOrganisationEditions(db, organisationId);
	if (editionId === null) return { editions, edition: editions[0] ?? null };
	const edition = editions.find((e) => e.id === editionId);
	if (!edition) throw new NotFoundError();
	return { editions, edition };
}

/** The planner's figures: the organisation's editions and, for the one chosen, each trainer's number of workshops. */
export async function plannerFigures(db: Kysely<Database>, user: TrainerUser, editionId: number | null) {
	const organisationId = await ownOrganisation(db, user);
	const { editions, edition } = await pickEdition(db, organisationId, editionId);
	const trainers = edition ? await repo.countWorkshopsPerTrainer(db, organisationId, edition.id) : [];
	return {
		editions: editions.map((e) => ({ id: e.id, name: e.name })),
		edition: edition && { id: edition.id, name: edition.name },
		trainers: trainers.map((t) => ({ id: t.id, name: t.displayName, workshops: Number(t.workshops), given: Number(t.given ?? 0) }))
	};
}

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const notGiven: Record<string, Message> = {
	cancelled_by_school: m.wst_reason_cancelled_by_school,
	trainer_ill: m.wst_reason_trainer_ill,
	class_absent: m.wst_reason_class_absent,
	other: m.wst_reason_other
};

function statusOf(w: { status: string; outcome: string | null }, locale: Locale): string {
	const o = { locale };
	if (w.status === 'cancelled') return m.pfx_status_cancelled({}, o);
	if (w.outcome === 'given') return m.pfx_status_given({}, o);
	if (w.outcome === 'not_given') return m.pfx_status_not_given({}, o);
	return m.pfx_status_planned({}, o);
}

/** The organisation's workshops of the edition as table rows: numbers stay numbers, a date a date in the workbook. */
async function workshopRows(db: Kysely<Database>, organisationId: number, editionId: number, locale: Locale) {
	const workshops = await repo.listOrganisationWorkshops(db, organisationId, editionId);
	const ids = workshops.map((w) => w.id);
	const [classes, trainers] = await Promise.all([repo.listClassesOfSlots(db, ids), repo.listTrainersOfSlots(db, ids)]);
	return workshops.map((w) => {
		const own = classes.filter((c) => c.slotId === w.id);
		return {
			date: w.localDate,
			cells: [
				brusselsTimeOf(fromDbTime(w.startsAt)),
				brusselsTimeOf(fromDbTime(w.endsAt)),
				w.school,
				w.campus,
				w.city,
				own.map((c) => c.name).join(', '),
				own.reduce((n, c) => n + c.pupilCount, 0),
				trainers
					.filter((t) => t.slotId === w.id)
					.map((t) => t.displayName)
					.join(', '),
				statusOf(w, locale),
				w.pupilsPresent,
				w.durationMinutes,
				w.notGivenReason ? (notGiven[w.notGivenReason]?.({}, { locale }) ?? w.notGivenReason) : null
			] as (string | number | null)[]
		};
	});
}

const header = (locale: Locale) =>
	[
		m.pfx_col_date,
		m.pfx_col_start,
		m.pfx_col_end,
		m.pfx_col_school,
		m.pfx_col_campus,
		m.pfx_col_city,
		m.pfx_col_classes,
		m.pfx_col_pupils,
		m.pfx_col_trainers,
		m.pfx_col_status,
		m.pfx_col_present,
		m.pfx_col_duration,
		m.pfx_col_reason
	].map((message) => message({}, { locale }));

/**
 * The organisation's workshops of an edition as CSV or XLSX: date, hours,
 * campus, classes and their pupils, trainers, status and the report's figures.
 * The trainers' notes are never selected, so they cannot end up in the file.
 */
export async function plannerExport(db: Kysely<Database>, user: TrainerUser, editionId: number, format: 'csv' | 'xlsx', locale: Locale): Promise<Download> {
	const organisationId = await ownOrganisation(db, user);
	const { edition } = await pickEdition(db, organisationId, editionId);
	const rows = await workshopRows(db, organisationId, edition!.id, locale);
	const organisation = (await findOrganisationName(db, organisationId)) ?? '';
	const filename = `${m.pfx_file({}, { locale })}-${slug(organisation)}-${slug(edition!.name)}.${format}`;
	if (format === 'csv')
		return {
			filename,
			contentType: csvContentType,
			body: csvDocument(
				header(locale),
				rows.map((r) => [r.date, ...r.cells]),
				locale
			)
		};
	const data: Row[] = [
		header(locale).map((value) => ({ value, fontWeight: 'bold' as const })),
		...rows.map((r) => {
			const [y, mo, d] = r.date.split('-').map(Number);
			return [{ value: new Date(Date.UTC(y, mo - 1, d)), type: Date, format: 'dd/mm/yyyy' }, ...r.cells];
		})
	];
	const sheet = m.pfx_sheet({}, { locale }).slice(0, 31);
	const body = (await writeXlsxFile([{ data, sheet, stickyRowsCount: 1 }]).toBuffer()) as Buffer<ArrayBuffer>;
	return { filename, contentType: xlsxContentType, body };
}
