import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { toDbTime } from '../../src/lib/server/db/time';
import { recountEdition } from '../../src/lib/server/enrolments/class-counters.service';
import { levelOfGrade } from '../../src/lib/domain';
import { schools } from './demo-data';

/**
 * Enrolled classes for the demo: the upcoming edition with classes at most
 * campuses (Campus Stationsplein full, with two on the waiting list; the demo
 * teacher's Campus Centrum with three enrolled classes) and last year's archived
 * edition with its figures. Written directly (no mails): the demo is history.
 */
type Plan = { teacher: string; campus: string; classes: [name: string, grade: string, pupils: number, status?: 'waiting' | 'withdrawn'][] };

const upcoming: Plan[] = [
	{
		teacher: 'teacher@example.org',
		campus: 'Campus Centrum',
		classes: [
			['1A', 'S1', 24],
			['2B', 'S2', 22],
			['3 Latijn', 'S3', 19]
		]
	},
	{
		teacher: 'teacher.trainer@example.org',
		campus: 'Campus Stationsplein',
		classes: [
			['1A', 'S1', 23],
			['1B', 'S1', 21],
			['2A', 'S2', 25],
			['2B', 'S2', 20],
			['3A', 'S3', 18],
			['4A', 'S4', 22],
			['5A', 'S5', 17],
			['6A', 'S6', 16],
			['6B', 'S6', 15, 'waiting'],
			['4B', 'S4', 21, 'waiting']
		]
	},
	{
		teacher: 'teacher.regenboog@example.org',
		campus: 'Campus Overleie',
		classes: [
			['L5', 'L5', 24],
			['L6', 'L6', 26],
			['L4', 'L4', 23, 'withdrawn']
		]
	},
	{
		teacher: 'teacher.regenboog@example.org',
		campus: 'Campus Heule',
		classes: [
			['5de leerjaar', 'L5', 21],
			['6de leerjaar', 'L6', 20]
		]
	},
	{
		teacher: 'teacher.bellegem@example.org',
		campus: 'Campus Dorp',
		classes: [
			['L6A', 'L6', 22],
			['L5A', 'L5', 19]
		]
	},
	{ teacher: 'teacher.vlinder@example.org', campus: 'Campus Bissegem', classes: [['Klas Regenboog', 'BB', 9]] }
];

const previous: Plan[] = [
	{
		teacher: 'teacher@example.org',
		campus: 'Campus Centrum',
		classes: [
			['1A', 'S1', 23],
			['2A', 'S2', 24]
		]
	},
	{
		teacher: 'teacher.trainer@example.org',
		campus: 'Campus Stationsplein',
		classes: [
			['1A', 'S1', 22],
			['3A', 'S3', 20],
			['5A', 'S5', 18, 'withdrawn']
		]
	},
	{
		teacher: 'teacher.regenboog@example.org',
		campus: 'Campus Overleie',
		classes: [
			['L6', 'L6', 25],
			['L5', 'L5', 22]
		]
	},
	{ teacher: 'teacher.bellegem@example.org', campus: 'Campus Dorp', classes: [['L6A', 'L6', 21]] }
];

export async function seedDemoClasses(db: Kysely<Database>, campaignId: number, upcomingYear: number, today: Date): Promise<void> {
	await seedEdition(db, campaignId, upcomingYear, upcoming, today);
	await seedEdition(db, campaignId, upcomingYear - 1, previous, new Date(Date.UTC(upcomingYear - 2, 11, 1)));
}

async function seedEdition(db: Kysely<Database>, campaignId: number, year: number, plans: Plan[], start: Date) {
	const edition = await db.selectFrom('editions').select('id').where('campaignId', '=', campaignId).where('year', '=', year).executeTakeFirst();
	if (!edition) return;
	const existing = await db.selectFrom('classes').select('id').where('editionId', '=', edition.id).limit(1).executeTakeFirst();
	if (existing) return;
	let minute = 0;
	for (const plan of plans) {
		const teacher = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey(plan.teacher)).executeTakeFirst();
		// By school too: the scale data set (npm run db:seed:large) has its own "Campus Centrum"s.
		const campus = await db
			.selectFrom('campuses')
			.innerJoin('schools', 'schools.id', 'campuses.schoolId')
			.select('campuses.id')
			.where('campuses.nameKey', '=', textKey(plan.campus))
			.where(
				'schools.instellingsnummer',
				'in',
				schools.map((s) => s.instellingsnummer)
			)
			.executeTakeFirst();
		if (!teacher || !campus) continue;
		for (const [name, grade, pupils, status] of plan.classes) {
			// Arrival order is the order of the plan, a few minutes apart, in the days before `start`.
			const at = toDbTime(new Date(start.getTime() - 7 * 86_400_000 + minute++ * 7 * 60_000));
			await db
				.insertInto('classes')
				.values({
					editionId: edition.id,
					campusId: campus.id,
					name,
					nameKey: textKey(name),
					grade,
					level: levelOfGrade(grade)!,
					pupilCount: pupils,
					language: 'nl',
					remarks: null,
					status: status ?? 'enrolled',
					active: status === 'withdrawn' ? null : 1,
					queuedAt: at,
					enrolledBy: teacher.id,
					withdrawnAt: status === 'withdrawn' ? at : null,
					createdAt: at,
					updatedAt: at
				})
				.execute();
		}
	}
	// Written directly, past class.repository: count them once for the quota counters.
	await recountEdition(db, edition.id, true);
}
