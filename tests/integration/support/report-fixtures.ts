import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database, Level } from '../../../src/lib/server/db/schema';
import { textKey } from '../../../src/lib/server/db/keys';
import { nowDb } from '../../../src/lib/server/db/time';
import { enrolClass, withdrawClass } from '../../../src/lib/server/enrolments/enrolment.service';
import { recordClassWrite } from '../../../src/lib/server/enrolments/class-counters.repository';
import { recountEdition } from '../../../src/lib/server/enrolments/class-counters.service';
import { enrolmentFilterSchema, type EnrolmentFilter } from '../../../src/lib/schemas/enrolment-filter';
import { freezeClock } from './context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './enrolment-fixtures';
import { createCampus, createSchool } from './fixtures';

export const filterOf = (raw: Record<string, string> = {}): EnrolmentFilter => enrolmentFilterSchema.parse(raw);

/**
 * One edition with room for four classes, three schools, and seven classes
 * enrolled through the enrolment service one minute apart:
 *
 *   Sint-Jozefscollege / Campus Noord:   5A (L5, 20) enrolled · 6B (L6, 25) withdrawn
 *   Atheneum Zoë / Campus Zuid:          1A (S1, 20) enrolled · 2C (S2, 28) enrolled after 6B left
 *   De Regenboog / Campus Centrum:       5B (L5, 22) enrolled · 6A (L6, 12) waiting 1 · "Klas 100%" (L6, 15) waiting 2
 *
 * A fourth school has a campus but no classes. 5A carries a remark.
 */
export async function enrolmentScenario(db: Kysely<Database>) {
	const tick = freezeClock('2026-11-20T08:00:00Z');
	const editionId = await createEdition(db, { maxClasses: 4 });
	const campus = async (school: string, name: string, levels: Level[]) =>
		(await createCampus(db, { schoolId: await createSchool(db, school), name, levels })).id;
	const noord = await campus('Sint-Jozefscollege', 'Campus Noord', ['lager', 'secundair']);
	const zuid = await campus('Atheneum Zoë', 'Campus Zuid', ['secundair']);
	const centrum = await campus('De Regenboog', 'Campus Centrum', ['lager']);
	await campus('Zonder Klassen', 'Campus Leeg', ['lager']);
	const lies = (await teacherAt(db, 'lies@noord.be', { id: noord })).actor;
	const tom = (await teacherAt(db, 'tom@zuid.be', { id: zuid })).actor;
	const an = (await teacherAt(db, 'an@centrum.be', { id: centrum })).actor;
	const ids: Record<string, number> = {};
	const enrol = async (actor: Actor, campusId: number, name: string, grade: string, pupilCount: number, remarks: string | null = null) => {
		tick(60_000);
		ids[name] = (await enrolClass(db, actor, aClass(editionId, campusId, name, { grade, pupilCount, remarks }))).classId;
	};
	await enrol(lies, noord, '5A', 'L5', 20, 'Geheime opmerking: graag lokaal 12');
	await enrol(lies, noord, '6B', 'L6', 25);
	await enrol(tom, zuid, '1A', 'S1', 20);
	await enrol(an, centrum, '5B', 'L5', 22);
	await enrol(tom, zuid, '2C', 'S2', 28);
	await enrol(an, centrum, '6A', 'L6', 12);
	await enrol(an, centrum, 'Klas 100%', 'L6', 15);
	tick(60_000);
	await withdrawClass(db, lies, ids['6B']);
	const coordinator = await coordinatorActor(db);
	const schoolId = (await db.selectFrom('schools').select('id').where('nameKey', '=', textKey('Atheneum Zoë')).executeTakeFirstOrThrow()).id;
	return { editionId, ids, coordinator, teacher: lies, campuses: { noord, zuid, centrum }, schoolId };
}

/** Many plain classes at once (pagination, export chunks), straight into the table. */
export async function insertManyClasses(db: Kysely<Database>, editionId: number, campusId: number, enrolledBy: number, count: number, prefix = 'K') {
	const now = nowDb();
	const rows = Array.from({ length: count }, (_, i) => {
		const name = `${prefix}${String(i + 1).padStart(4, '0')}`;
		return {
			editionId,
			campusId,
			name,
			nameKey: textKey(name),
			grade: 'L5',
			level: 'lager' as const,
			pupilCount: 1 + (i % 40),
			language: 'nl' as const,
			remarks: null,
			status: 'enrolled' as const,
			active: 1 as const,
			queuedAt: now,
			enrolledBy,
			withdrawnAt: null,
			createdAt: now,
			updatedAt: now
		};
	});
	for (let i = 0; i < rows.length; i += 500)
		await db
			.insertInto('classes')
			.values(rows.slice(i, i + 500))
			.execute();
	// Past class.repository: count them, and tell the overview's cache, as the repository would.
	await recountEdition(db, editionId, true);
	await recordClassWrite(db, editionId, new Map());
}
