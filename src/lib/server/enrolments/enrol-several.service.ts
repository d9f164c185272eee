import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { findEditionForUpdate } from '../campaigns/edition.repository';
import type { Database, Participation } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { DomainError, FieldRefusals, NotFoundError } from '../errors';
import { assertMayEnrol } from './class-access';
import type { NumberedRow } from './class-rows-form';
import { mailClassesDecided } from './enrolment-mail';
import { admitClass, checkNewClass, mapNameClash, type EnrolResult } from './enrolment.service';

export interface EnrolSeveralInput {
	editionId: number;
	campusId: number;
	participation: Participation;
	/** The filled-in rows in the order of the form: the order in which they are decided. */
	classes: NumberedRow[];
}

export type SeveralResult = EnrolResult & { row: number; name: string };

/**
 * Enrols several classes of one campus at once (issue 18.3), all or none: every
 * row is checked first, and one refused row (a grade the campus does not teach, a
 * name already enrolled) refuses the form with a message at that row, writing
 * nothing. Then each class is decided in the order of the rows, under the same
 * edition lock as a single enrolment: enrolled while there is a place, after that
 * on the waiting list. A teacher enrolling one class meanwhile is decided before or
 * after the whole form, never between its rows. One mail lists what became of each.
 */
export async function enrolSeveralClasses(db: Kysely<Database>, actor: Actor, input: EnrolSeveralInput, locale = 'nl'): Promise<SeveralResult[]> {
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const edition = await findEditionForUpdate(trx, input.editionId);
			if (!edition) throw new NotFoundError();
			await assertMayEnrol(trx, actor, edition, input.campusId);
			const refusals: Record<string, DomainError> = {};
			const checked = [];
			for (const row of input.classes) {
				const cls = { ...row, campusId: input.campusId, participation: input.participation, remarks: null, preferredHalfDays: [] };
				try {
					checked.push({ cls, fit: await checkNewClass(trx, edition, cls, locale) });
				} catch (err) {
					if (!(err instanceof DomainError) || !err.field) throw err;
					refusals[`class-${row.row}-${err.field}`] = err;
				}
			}
			if (Object.keys(refusals).length > 0) throw new FieldRefusals(refusals);
			const results: SeveralResult[] = [];
			for (const { cls, fit } of checked) {
				results.push({ ...(await admitClass(trx, actor, edition, cls, fit, actor.id)), row: cls.row, name: cls.name });
			}
			await mailClassesDecided(trx, results);
			return results;
		})
	);
}
