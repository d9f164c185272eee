import type { Kysely } from 'kysely';
import { audit } from '../../audit/audit';
import { requireCoordinator, type Actor } from '../../auth/actor';
import type { Db } from '../../db';
import type { Database } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import { textKey } from '../../db/keys';
import { nowDb, type DbTime } from '../../db/time';
import { withTransaction } from '../../db/transaction';
import { ConflictError } from '../../errors';
import { newInviteCode } from '../invite-code.service';
import { analyseImport } from './analyse';
import * as repo from './import.repository';
import { readImportFile } from './import-file-store';
import type { FileError } from './parse';
import type { CampusRow, CheckedRow } from './validate';

/** Rows per batch: one lookup, one insert and one update per table per batch. */
export const importBatchSize = 500;

export interface ImportCounts {
	rows: number;
	schoolsCreated: number;
	schoolsUpdated: number;
	campusesCreated: number;
	campusesUpdated: number;
}

export type RowAction = 'create' | 'update';
export type ConfirmOutcome = { ok: true; counts: ImportCounts } | { ok: false; error: FileError | { code: 'has_problems'; count: number } };

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const campusKey = (schoolId: number, nameKey: string) => `${schoolId}|${nameKey}`;
const distinct = <T>(list: T[]) => [...new Set(list)];

async function schoolsByNumber(db: Db, numbers: string[]) {
	const schools = await repo.findSchoolsByNumbers(db, distinct(numbers));
	return new Map(schools.map((s) => [s.instellingsnummer as string, s]));
}

async function campusIdsByKey(db: Db, schoolIds: number[], rows: CampusRow[]) {
	const campuses = await repo.findActiveCampusesByName(db, distinct(schoolIds), distinct(rows.map((r) => textKey(r.campus))));
	return new Map(campuses.map((c) => [campusKey(c.schoolId, c.nameKey), c.id]));
}

/** What the database already holds for one batch: schools by number, active campuses by (school, key). */
async function lookupBatch(db: Db, rows: CampusRow[]) {
	const schoolByNumber = await schoolsByNumber(
		db,
		rows.map((r) => r.instellingsnummer)
	);
	const campusIdByKey = await campusIdsByKey(
		db,
		[...schoolByNumber.values()].map((s) => s.id),
		rows
	);
	return { schoolByNumber, campusIdByKey };
}

/** The preview's counts and each row's fate, read from the database in batches (nothing is written). */
export async function planImport(db: Kysely<Database>, rows: CampusRow[]) {
	const counts: ImportCounts = { rows: rows.length, schoolsCreated: 0, schoolsUpdated: 0, campusesCreated: 0, campusesUpdated: 0 };
	const actions: RowAction[] = [];
	const newSchools = new Set<string>();
	const updatedSchools = new Set<string>();
	for (const batch of chunks(rows, importBatchSize)) {
		const { schoolByNumber, campusIdByKey } = await lookupBatch(db, batch);
		for (const row of batch) {
			const school = schoolByNumber.get(row.instellingsnummer);
			if (!school) newSchools.add(row.instellingsnummer);
			else if (school.name !== row.school || !school.active) updatedSchools.add(row.instellingsnummer);
			const exists = !!school && campusIdByKey.has(campusKey(school.id, textKey(row.campus)));
			actions.push(exists ? 'update' : 'create');
			if (exists) counts.campusesUpdated++;
			else counts.campusesCreated++;
		}
	}
	return { counts: { ...counts, schoolsCreated: newSchools.size, schoolsUpdated: updatedSchools.size }, actions };
}

/** Creates missing schools and renames (or reactivates) changed ones; returns every school id of the batch. */
async function upsertSchools(trx: Db, rows: CampusRow[], now: DbTime, counts: ImportCounts): Promise<Map<string, number>> {
	const schoolByNumber = await schoolsByNumber(
		trx,
		rows.map((r) => r.instellingsnummer)
	);
	const firstRowOf = new Map<string, CampusRow>();
	for (const row of rows) if (!firstRowOf.has(row.instellingsnummer)) firstRowOf.set(row.instellingsnummer, row);
	const created = [...firstRowOf.values()].filter((r) => !schoolByNumber.has(r.instellingsnummer));
	const changed = [...firstRowOf.values()].flatMap((r) => {
		const school = schoolByNumber.get(r.instellingsnummer);
		return school && (school.name !== r.school || !school.active) ? [{ id: school.id, name: r.school, nameKey: textKey(r.school) }] : [];
	});
	await repo.insertSchools(
		trx,
		created.map((r) => ({ name: r.school, nameKey: textKey(r.school), instellingsnummer: r.instellingsnummer })),
		now
	);
	await repo.renameSchools(trx, changed, now);
	counts.schoolsCreated += created.length;
	counts.schoolsUpdated += changed.length;
	const ids = new Map([...schoolByNumber].map(([n, s]) => [n, s.id]));
	// No RETURNING on MySQL: the new schools' ids are read back by their unique number.
	for (const s of await repo.findSchoolsByNumbers(
		trx,
		created.map((r) => r.instellingsnummer)
	))
		ids.set(s.instellingsnummer as string, s.id);
	return ids;
}

/** Inserts the batch's new campuses and updates the existing ones, levels included. */
async function upsertCampuses(trx: Db, rows: CampusRow[], schoolIds: Map<string, number>, now: DbTime, counts: ImportCounts): Promise<void> {
	const schoolIdOf = (r: CampusRow) => schoolIds.get(r.instellingsnummer) as number;
	const existing = await campusIdsByKey(trx, rows.map(schoolIdOf), rows);
	const keyOf = (r: CampusRow) => campusKey(schoolIdOf(r), textKey(r.campus));
	const created = rows.filter((r) => !existing.has(keyOf(r)));
	const updated = rows.filter((r) => existing.has(keyOf(r)));
	// A clash of two random 60-bit codes fails the unique key and with it the whole import, which can simply be confirmed again.
	await repo.insertCampuses(
		trx,
		created.map((r) => ({ ...campusValues(r), schoolId: schoolIdOf(r), inviteCode: newInviteCode() })),
		now
	);
	await repo.updateCampuses(
		trx,
		updated.map((r) => ({ ...campusValues(r), id: existing.get(keyOf(r)) as number })),
		now
	);
	const ids = new Map([...existing, ...(await campusIdsByKey(trx, created.map(schoolIdOf), created))]);
	const levelRows = rows.flatMap((r) => r.levels.map((level) => ({ campusId: ids.get(keyOf(r)) as number, level })));
	await repo.replaceLevels(
		trx,
		updated.map((r) => existing.get(keyOf(r)) as number),
		levelRows
	);
	counts.campusesCreated += created.length;
	counts.campusesUpdated += updated.length;
}

const campusValues = (r: CampusRow): repo.ImportedCampus => ({
	name: r.campus,
	nameKey: textKey(r.campus),
	street: r.street,
	postalCode: r.postalCode,
	city: r.city,
	contactName: r.contactName,
	contactEmail: r.contactEmail,
	contactPhone: r.contactPhone
});

/**
 * Writes checked rows: all of them in one transaction, in batches, or nothing.
 * One audit entry records the counts. Exported for tests that feed rows directly.
 */
export async function importCampusRows(db: Kysely<Database>, actor: Actor, rows: CampusRow[], fileId: string): Promise<ImportCounts> {
	requireCoordinator(actor);
	try {
		return await withTransaction(db, async (trx) => {
			const counts: ImportCounts = { rows: rows.length, schoolsCreated: 0, schoolsUpdated: 0, campusesCreated: 0, campusesUpdated: 0 };
			const now = nowDb();
			for (const batch of chunks(rows, importBatchSize)) {
				const schoolIds = await upsertSchools(trx, batch, now, counts);
				await upsertCampuses(trx, batch, schoolIds, now, counts);
			}
			await audit(trx, { actorId: actor.id, action: 'campus.import', entityType: 'campus_import', entityId: fileId, after: counts });
			return counts;
		});
	} catch (err) {
		// Someone else created the same school or campus meanwhile (another import, the form).
		if (isUniqueViolation(err)) throw new ConflictError('cp_import_conflict');
		throw err;
	}
}

/** The stored file, read and checked again from scratch: what was previewed is not trusted. */
async function checkedFile(fileId: string): Promise<{ ok: true; rows: CheckedRow[] } | { ok: false; error: FileError }> {
	const bytes = await readImportFile(fileId);
	if (!bytes) return { ok: false, error: { code: 'expired' } };
	return analyseImport(bytes);
}

export async function confirmImport(db: Kysely<Database>, actor: Actor, fileId: string): Promise<ConfirmOutcome> {
	requireCoordinator(actor);
	const file = await checkedFile(fileId);
	if (!file.ok) return file;
	const withProblems = file.rows.filter((r) => r.problems.length).length;
	if (withProblems) return { ok: false, error: { code: 'has_problems', count: withProblems } };
	return {
		ok: true,
		counts: await importCampusRows(
			db,
			actor,
			file.rows.map((r) => r.values),
			fileId
		)
	};
}

export const previewPageSize = 50;

/**
 * The preview: counts, and one page of rows. While any row has a problem only
 * those rows are listed (they are what needs fixing); otherwise every row, with
 * whether it creates or updates a campus.
 */
export async function previewImport(db: Kysely<Database>, fileId: string, page: number) {
	const file = await checkedFile(fileId);
	if (!file.ok) return file;
	const problemRows = file.rows.filter((r) => r.problems.length);
	// Counted over the rows without problems: what confirming would do once the others are fixed.
	const plan = await planImport(
		db,
		file.rows.filter((r) => !r.problems.length).map((r) => r.values)
	);
	const listed = problemRows.length ? problemRows : file.rows;
	const pages = Math.max(1, Math.ceil(listed.length / previewPageSize));
	const current = Math.min(Math.max(1, page), pages);
	const start = (current - 1) * previewPageSize;
	return {
		ok: true as const,
		fileId,
		counts: { ...plan.counts, rows: file.rows.length, problemRows: problemRows.length },
		rows: listed.slice(start, start + previewPageSize).map((r, i) => ({ ...r, action: problemRows.length ? null : plan.actions[start + i] })),
		page: current,
		pages
	};
}
