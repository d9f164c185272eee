import type { Kysely } from 'kysely';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import type { Database } from '../../../src/lib/server/db/schema';
import { impactExport, type ImpactFormat } from '../../../src/lib/server/pupil-survey/impact-export.service';
import type { Breakdown } from '../../../src/lib/server/pupil-survey/pupil-figures.service';
import { setSlotClasses } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../../src/lib/server/workshops/trainers/report.service';
import { freezeClock } from './context';
import { downloadBytes } from './download-bytes';
import { answersFrom, pupilWorld } from './pupil-survey-fixtures';
import { addSlot } from './workshop-fixtures';

/**
 * The impact world (issue 19.3), a campaign that asks before and after. Anna and
 * Ben (Wel Jong) gave Campus Centrum's workshop together (5A, 5B); Chris (çavaria)
 * gave Campus Noord's to 6A only; 6B had no workshop. Closed questionnaires:
 *   after:  5A 12 × 4 · 5B 3 × 1 (too few) · 6A 11 × 2 · 6B 10 × 5
 *   before: 5A 10 × 2 · 6A 4 × 3 (too few)
 * Score 1 and score 3 come only from the two small classes: a 1 or a 3 counted
 * anywhere would be their answers leaking.
 */
export async function impactWorld(db: Kysely<Database>) {
	const move = freezeClock('2027-05-10T08:00:00Z');
	const w = await pupilWorld(db, { beforeAfter: true });
	const centrum = await addSlot(db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '10:40', { trainersNeeded: 2 });
	const noord = await addSlot(db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '13:00', '14:40');
	await setSlotClasses(db, w.coordinator, centrum, w.centrum.classIds);
	await setSlotClasses(db, w.coordinator, noord, [w.noord.classIds[0]]);
	await bookSlot(db, w.anna, centrum);
	await bookSlot(db, w.ben, centrum);
	await bookSlot(db, w.chris, noord);
	const [a5, b5] = w.centrum.classIds;
	const [a6, b6] = w.noord.classIds;
	await answersFrom(db, w, w.centrum.teacher, a5, Array(10).fill(2), { moment: 'before' });
	await answersFrom(db, w, w.noord.teacher, a6, Array(4).fill(3), { moment: 'before' });
	move(3 * 86_400_000);
	for (const [trainer, slot] of [
		[w.anna, centrum],
		[w.chris, noord]
	] as const)
		await reportWorkshop(db, trainer, slot, { outcome: 'given', pupilsPresent: 30, durationMinutes: 100, note: null });
	await answersFrom(db, w, w.centrum.teacher, a5, Array(12).fill(4));
	await answersFrom(db, w, w.centrum.teacher, b5, Array(3).fill(1));
	await answersFrom(db, w, w.noord.teacher, a6, Array(11).fill(2));
	await answersFrom(db, w, w.noord.teacher, b6, Array(10).fill(5));
	return w;
}

export type ImpactWorld = Awaited<ReturnType<typeof impactWorld>>;

/** The smallest group a coordinator chose (pupil_min_group in the settings table). */
export async function setMinGroup(db: Kysely<Database>, n: number) {
	await db.deleteFrom('settings').where('key', '=', 'pupil_min_group').execute();
	await db
		.insertInto('settings')
		.values({ key: 'pupil_min_group', value: String(n), valueNl: null, valueEn: null, updatedAt: '2027-05-13 08:00:00.000' })
		.execute();
}

export const allSplits: Breakdown[] = ['edition', 'campus', 'organisation', 'trainer'];

/** An export's rows as text, header first, read back the way a spreadsheet would. */
export async function exportedRows(db: Kysely<Database>, w: ImpactWorld, split: Breakdown, format: ImpactFormat, locale: 'nl' | 'en' = 'nl') {
	const bytes = await downloadBytes(await impactExport(db, w.coordinator, w.editionId, split, format, locale));
	if (format === 'csv') return parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
	return (await readSheet(bytes)).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}
