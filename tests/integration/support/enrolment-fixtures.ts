import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database } from '../../../src/lib/server/db/schema';
import { textKey } from '../../../src/lib/server/db/keys';
import { nowDb } from '../../../src/lib/server/db/time';
import type { EnrolInput } from '../../../src/lib/server/enrolments/enrolment.service';
import { createCampus, createUser } from './fixtures';

/**
 * School hours that never refuse: the tests of the other rules plan nights on
 * DST change days, Saturdays and Wednesday afternoons. Tests of the hours pass
 * the hours they need (school-hours.test.ts).
 */
export const wholeWeek = Array(7).fill('00:00-23:59').join(',');

export async function createEdition(
	db: Kysely<Database>,
	opts: {
		maxClasses?: number | null;
		maxClassesPerCampus?: number | null;
		grades?: string[];
		status?: 'draft' | 'published' | 'archived';
		opens?: string;
		closes?: string;
		year?: number;
		/** The edition's school hours (stored form); default: all day, every day (wholeWeek). */
		schoolHours?: string;
	} = {}
): Promise<number> {
	const now = nowDb();
	const name = 'PAARS';
	let campaign = await db.selectFrom('campaigns').select('id').where('nameKey', '=', textKey(name)).executeTakeFirst();
	if (!campaign) {
		const r = await db
			.insertInto('campaigns')
			.values({ name, nameKey: textKey(name), descriptionNl: null, descriptionEn: null, createdAt: now, updatedAt: now })
			.executeTakeFirstOrThrow();
		campaign = { id: Number(r.insertId) };
	}
	const year = opts.year ?? 2027;
	const r = await db
		.insertInto('editions')
		.values({
			campaignId: campaign.id,
			year,
			name: `PAARS ${year}`,
			status: opts.status ?? 'published',
			enrolmentOpensAt: opts.opens ?? '2026-01-01 00:00:00.000',
			enrolmentClosesAt: opts.closes ?? '2099-01-01 00:00:00.000',
			workshopStartsOn: '2027-04-20',
			workshopEndsOn: '2027-06-07',
			descriptionNl: null,
			descriptionEn: null,
			maxClasses: opts.maxClasses ?? null,
			maxClassesPerCampus: opts.maxClassesPerCampus ?? null,
			copiedFromEditionId: null,
			schoolHours: opts.schoolHours ?? wholeWeek,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	const editionId = Number(r.insertId);
	const grades = opts.grades ?? ['L5', 'L6', 'S1', 'S2'];
	if (grades.length)
		await db
			.insertInto('editionGrades')
			.values(grades.map((grade) => ({ editionId, grade })))
			.execute();
	return editionId;
}

/** A campus with a linked teacher, as an Actor. */
export async function teacherAt(db: Kysely<Database>, email: string, campus?: { id: number }): Promise<{ actor: Actor; campusId: number }> {
	const c = campus ?? (await createCampus(db, { name: `Campus ${email}`, levels: ['lager', 'secundair'] }));
	const id = await createUser(db, { email, roles: ['teacher'], campusId: c.id, name: email.split('@')[0] });
	return { actor: { id, displayName: email, roles: ['teacher'] }, campusId: c.id };
}

export async function coordinatorActor(db: Kysely<Database>): Promise<Actor> {
	const id = await createUser(db, { email: 'griet@stad.be', roles: ['coordinator'], name: 'Griet' });
	return { id, displayName: 'Griet', roles: ['coordinator'] };
}

export const aClass = (editionId: number, campusId: number, name = '5B', extra: Partial<EnrolInput> = {}): EnrolInput => ({
	editionId,
	campusId,
	name,
	grade: 'L5',
	pupilCount: 22,
	language: 'nl',
	remarks: null,
	preferredHalfDays: [],
	...extra
});

export const statuses = (db: Kysely<Database>, editionId: number) =>
	db.selectFrom('classes').select(['id', 'name', 'status']).where('editionId', '=', editionId).orderBy('id').execute();
