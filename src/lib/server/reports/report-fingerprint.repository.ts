import { sql } from 'kysely';
import type { Db } from '../db';
import { nowDb } from '../db/time';

/**
 * A cheap summary of everything the campaign report reads, for the cache of an
 * ended edition's report (report-cache.ts): row counts, highest ids and latest
 * `updated_at` of each input. Any insert, delete or update of an input changes at
 * least one of them. ~50 ms on a 100,000-class edition (SQLite), against 250–370
 * ms for the report's own queries and seconds for drawing the PDF.
 *
 * Inputs, as campaign-report.repository.ts reads them: the campaign and its
 * editions (names, years, predecessor); classes of the edition and of its
 * predecessor; campuses (names, the city's active count) and schools; workshop
 * slots (outcome, pupils present, duration: a late report) and their trainers
 * with the organisation of each; organisations (names); material downloads and kit
 * items of the editions; the city settings (name, logo, colours, contacts, the
 * minimum group); the teachers' evaluations of the editions' classes (scores and
 * shared remarks are only ever written with the evaluation's updated_at) and the
 * campaign's questions (issue 19.4); the pupils' questionnaires of the editions,
 * their answers and kept tallies, and how many have closed by now (issue 19.3).
 * Keep this list in step when the report reads something new.
 */
export async function reportFingerprint(db: Db, campaignId: number, editionIds: number[]): Promise<unknown[]> {
	const parts = await Promise.all([
		db.selectFrom('campaigns').select(['updatedAt']).where('id', '=', campaignId).executeTakeFirst(),
		db
			.selectFrom('editions')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updatedAt').as('at')])
			.where('campaignId', '=', campaignId)
			.executeTakeFirst(),
		db
			.selectFrom('classes')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updatedAt').as('at')])
			.where('editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('campuses')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('active').as('active'), eb.fn.max('updatedAt').as('at')])
			.executeTakeFirst(),
		db
			.selectFrom('schools')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updatedAt').as('at')])
			.executeTakeFirst(),
		db
			.selectFrom('workshopSlots')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updatedAt').as('at')])
			.where('editionId', 'in', editionIds)
			.executeTakeFirst(),
		// Trainers and their organisations, not users.updated_at: every login moves that.
		db
			.selectFrom('slotTrainers as st')
			.innerJoin('workshopSlots as s', 's.id', 'st.slotId')
			.innerJoin('users as u', 'u.id', 'st.trainerId')
			.select((eb) => [
				eb.fn.countAll().as('n'),
				eb.fn.max('st.id').as('id'),
				eb.fn.count('st.active').as('active'),
				eb.fn.max('st.cancelledAt').as('at'),
				eb.fn.sum(sql<number>`coalesce(${sql.ref('u.organisationId')}, 0) * ${sql.ref('st.id')}`).as('orgs')
			])
			.where('s.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('organisations')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updatedAt').as('at')])
			.executeTakeFirst(),
		db
			.selectFrom('materialDownloads as d')
			.innerJoin('materials as mt', 'mt.id', 'd.materialId')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('d.id').as('id')])
			.where('mt.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('kitItems')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('handedOut').as('out'), eb.fn.max('updatedAt').as('at')])
			.where('editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('classEvaluations as ev')
			.innerJoin('classes as c', 'c.id', 'ev.classId')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('ev.id').as('id'), eb.fn.max('ev.updatedAt').as('at')])
			.where('c.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('campaignQuestions')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updatedAt').as('at')])
			.where('campaignId', '=', campaignId)
			.executeTakeFirst(),
		// The pupils' questionnaires: answers, kept tallies, and how many have closed by now (time alone closes one).
		db
			.selectFrom('pupilSurveys as ps')
			.innerJoin('classes as c', 'c.id', 'ps.classId')
			.select((eb) => [
				eb.fn.countAll().as('n'),
				eb.fn.max('ps.closesAt').as('at'),
				eb.fn.sum(eb.case().when('ps.closesAt', '<=', nowDb()).then(1).else(0).end()).as('closed')
			])
			.where('c.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('pupilAnswers as a')
			.innerJoin('pupilSurveys as ps', 'ps.id', 'a.surveyId')
			.innerJoin('classes as c', 'c.id', 'ps.classId')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('a.id').as('id')])
			.where('c.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('pupilScoreTallies as t')
			.innerJoin('pupilSurveys as ps', 'ps.id', 't.surveyId')
			.innerJoin('classes as c', 'c.id', 'ps.classId')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('t.answers').as('answers')])
			.where('c.editionId', 'in', editionIds)
			.executeTakeFirst(),
		db
			.selectFrom('settings')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updatedAt').as('at')])
			.executeTakeFirst()
	]);
	// SUM/COUNT come back as strings from mysql2 and numbers from SQLite: one form for the hash.
	return parts.map((row) => Object.values(row ?? {}).map((v) => (v === null || v === undefined ? null : String(v))));
}
