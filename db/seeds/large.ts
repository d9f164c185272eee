import { sql, type Kysely, type Transaction } from 'kysely';
import { hashPassword } from '../../src/lib/server/auth/password';
import { newInviteCode } from '../../src/lib/server/campuses/invite-code.service';
import { isMysql } from '../../src/lib/server/db/dialect-of';
import { recountEdition } from '../../src/lib/server/enrolments/class-counters.service';
import type { Database, InstructionLanguage, Level } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { toDbTime } from '../../src/lib/server/db/time';
import { grades as allGrades } from '../../src/lib/domain';
import { addDays, brusselsDateOf, brusselsToUtc } from '../../src/lib/time/brussels';
import { nextIdahotYear } from './idahot';
import { idsByKey, insertBatches } from './large-batches';
import * as data from './large-data';
import { prng, type Rng } from './large-data';
import { insertLargeWorkshops, type LargeWorkshopCounts } from './large-workshops';

/**
 * A Flanders-wide edition for scale work (npm run db:seed:large, npm run bench):
 * by default 2,000 schools with 5,000 campuses, 100,000 classes (a waiting list of
 * a few hundred, some withdrawn), 1,000 teachers, 1,000 trainers and 20,000
 * workshop slots (large-workshops.ts). It lives in its own campaign, "PAARS
 * Vlaanderen", so it sits beside the Kortrijk demo without touching it. Fast by
 * construction: deterministic pseudo-random data, multi-row inserts of 1,000
 * rows, one transaction (all or nothing), and one argon2 hash shared by every
 * account.
 */
export const largeCampaignName = 'PAARS Vlaanderen';
export const largePassword = 'Paars-schaal-2026';
const emailDomain = 'schaal.example.org';

export interface LargeSeedOptions {
	today: Date;
	schools?: number;
	campuses?: number;
	classes?: number;
	teachers?: number;
	trainers?: number;
	workshops?: number;
	waiting?: number;
	withdrawn?: number;
	log?: (line: string) => void;
}

export interface LargeSeedResult {
	editionId: number;
	editionName: string;
	counts: {
		schools: number;
		campuses: number;
		classes: number;
		enrolled: number;
		waiting: number;
		withdrawn: number;
		teachers: number;
		trainers: number;
		workshops: LargeWorkshopCounts;
	};
}

export class LargeSeedAlreadyLoaded extends Error {}

export async function findLargeEdition(db: Kysely<Database>) {
	return db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select(['editions.id', 'editions.name'])
		.where('campaigns.nameKey', '=', textKey(largeCampaignName))
		.orderBy('editions.id')
		.executeTakeFirst();
}

export async function seedLarge(db: Kysely<Database>, opts: LargeSeedOptions): Promise<LargeSeedResult> {
	const existing = await findLargeEdition(db);
	if (existing)
		throw new LargeSeedAlreadyLoaded(
			`The scale data set is already loaded (edition "${existing.name}", id ${existing.id}). Load it into an empty database to start again.`
		);
	const size = { schools: 2000, campuses: 5000, classes: 100_000, teachers: 1000, trainers: 1000, workshops: 20_000, waiting: 400, withdrawn: 1000, ...opts };
	const log = opts.log ?? (() => {});
	const now = toDbTime(opts.today);
	const passwordHash = await hashPassword(largePassword);
	const rng = prng(2027);
	const result = await db.transaction().execute(async (trx) => {
		const schoolTypes = await insertSchools(trx, rng, size.schools, now);
		log(`${size.schools} schools`);
		const campuses = await insertCampuses(trx, rng, schoolTypes, size.campuses, now);
		log(`${campuses.length} campuses`);
		const teacherIds = await insertPeople(trx, rng, 'teacher', size.teachers, passwordHash, now);
		const links = campuses.map((c, i) => ({ userId: teacherIds[i % teacherIds.length], campusId: c.id, createdAt: now }));
		await insertBatches(trx, 'teacherCampuses', links);
		const trainerIds = await insertPeople(trx, rng, 'trainer', size.trainers, passwordHash, now);
		log(`${size.teachers} teachers, ${size.trainers} trainers`);
		const edition = await insertEdition(trx, opts.today, now);
		const counts = await insertClasses(trx, rng, edition, campuses, teacherIds, size, opts.today);
		// Written in bulk, past class.repository: count them once for the quota counters.
		await recountEdition(trx, edition.id, true);
		log(`${size.classes} classes`);
		const workshops = await insertLargeWorkshops(trx, rng, { edition, trainerIds, slots: size.workshops, today: opts.today, passwordHash, emailDomain });
		log(`${workshops.slots} workshop slots, ${workshops.bookings} bookings`);
		return {
			editionId: edition.id,
			editionName: edition.name,
			counts: { schools: size.schools, campuses: campuses.length, teachers: size.teachers, trainers: size.trainers, ...counts, workshops }
		};
	});
	await refreshStatistics(db);
	log('planner statistics refreshed');
	return result;
}

/**
 * A bulk load changes the shape of the data at once, so the query planner's
 * statistics are refreshed (SQLite keeps none until ANALYZE runs; InnoDB samples
 * again only later). Without them SQLite sorts a whole edition for a page sorted
 * by school instead of walking the name indexes.
 */
async function refreshStatistics(db: Kysely<Database>): Promise<void> {
	if (!isMysql(db)) {
		await sql`analyze`.execute(db);
		return;
	}
	const tables = [
		'schools',
		'campuses',
		'campus_levels',
		'classes',
		'users',
		'user_roles',
		'teacher_campuses',
		'blocked_days',
		'workshop_slots',
		'slot_trainers',
		'slot_classes'
	];
	for (const table of tables) await sql`analyze table ${sql.table(table)}`.execute(db);
}

async function insertSchools(trx: Transaction<Database>, rng: Rng, count: number, now: string) {
	const types = Array.from({ length: count }, () => rng.weighted(data.schoolTypes.map((t) => [t, t.weight] as const)));
	const rows = types.map((type, i) => {
		const [, city] = rng.pick(data.municipalities);
		const patron = rng.pick(data.patrons);
		const name = type.prefix === 'Sint-' ? `${patron}college ${city}` : `${type.prefix} ${patron} ${city}`;
		// 7 digits from 9,500,000: outside the range of real instellingsnummers and of the demo.
		return { name, nameKey: textKey(name), instellingsnummer: String(9_500_000 + i), organisationId: null, active: 1 as const, createdAt: now, updatedAt: now };
	});
	await insertBatches(trx, 'schools', rows);
	const ids = await idsByKey(
		trx,
		'schools',
		'instellingsnummer',
		rows.map((r) => r.instellingsnummer)
	);
	return ids.map((id, i) => ({ id, levels: types[i].levels }));
}

/** Every school gets one campus; the rest go to random schools (so some have many). */
async function insertCampuses(trx: Transaction<Database>, rng: Rng, schools: { id: number; levels: Level[] }[], count: number, now: string) {
	const perSchool = new Map<number, number>();
	const plan = Array.from({ length: count }, (_, i) => (i < schools.length ? schools[i] : rng.pick(schools)));
	const rows = plan.map((school) => {
		const n = perSchool.get(school.id) ?? 0;
		perSchool.set(school.id, n + 1);
		const district = data.districts[n % data.districts.length] + (n >= data.districts.length ? ` ${Math.floor(n / data.districts.length) + 1}` : '');
		const [postalCode, city] = rng.pick(data.municipalities);
		const name = `Campus ${district}`;
		return {
			schoolId: school.id,
			name,
			nameKey: textKey(name),
			street: `${rng.pick(data.streets)} ${rng.int(1, 180)}`,
			postalCode,
			city,
			contactName: null,
			contactEmail: null,
			contactPhone: null,
			inviteCode: newInviteCode(),
			active: 1 as const,
			createdAt: now,
			updatedAt: now
		};
	});
	await insertBatches(trx, 'campuses', rows);
	const ids = await idsByKey(
		trx,
		'campuses',
		'inviteCode',
		rows.map((r) => r.inviteCode)
	);
	const campuses = ids.map((id, i) => ({ id, levels: plan[i].levels }));
	await insertBatches(
		trx,
		'campusLevels',
		campuses.flatMap((c) => c.levels.map((level) => ({ campusId: c.id, level })))
	);
	return campuses;
}

async function insertPeople(
	trx: Transaction<Database>,
	rng: Rng,
	role: 'teacher' | 'trainer',
	count: number,
	passwordHash: string,
	now: string
): Promise<number[]> {
	const organisations = role === 'trainer' ? await ensureOrganisations(trx, now) : [null];
	const rows = Array.from({ length: count }, (_, i) => {
		const email = `${role === 'teacher' ? 'leerkracht' : 'trainer'}-${String(i + 1).padStart(4, '0')}@${emailDomain}`;
		return {
			email,
			emailKey: emailKey(email),
			displayName: `${rng.pick(data.firstNames)} ${rng.pick(data.lastNames)}`,
			passwordHash,
			locale: rng.next() < 0.05 ? ('en' as const) : ('nl' as const),
			disabled: 0 as const,
			emailConfirmedAt: now,
			organisationId: organisations[i % organisations.length],
			lastLoginAt: null,
			createdAt: now,
			updatedAt: now
		};
	});
	await insertBatches(trx, 'users', rows);
	const ids = await idsByKey(
		trx,
		'users',
		'emailKey',
		rows.map((r) => r.emailKey)
	);
	await insertBatches(
		trx,
		'userRoles',
		ids.map((userId) => ({ userId, role, createdAt: now }))
	);
	return ids;
}

/** The two expert organisations, shared with the demo when it is loaded. */
async function ensureOrganisations(trx: Transaction<Database>, now: string): Promise<number[]> {
	const ids: number[] = [];
	for (const name of ['Wel Jong', 'çavaria']) {
		const found = await trx.selectFrom('organisations').select('id').where('nameKey', '=', textKey(name)).executeTakeFirst();
		if (found) ids.push(found.id);
		else
			ids.push(
				Number(
					(
						await trx
							.insertInto('organisations')
							.values({ name, nameKey: textKey(name), kind: 'expert', createdAt: now })
							.executeTakeFirstOrThrow()
					).insertId
				)
			);
	}
	return ids;
}

async function insertEdition(trx: Transaction<Database>, today: Date, now: string) {
	const campaign = await trx
		.insertInto('campaigns')
		.values({
			name: largeCampaignName,
			nameKey: textKey(largeCampaignName),
			descriptionNl: 'Schaaltest: heel Vlaanderen in één editie.',
			descriptionEn: 'Scale test: all of Flanders in one edition.',
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	const year = nextIdahotYear(today);
	const todayLocal = brusselsDateOf(today);
	const opensAt = brusselsToUtc(addDays(todayLocal, -14));
	const name = `${largeCampaignName} ${year}`;
	// Like the demo: workshops began three weeks ago, so some are given and reported.
	const period = { workshopStartsOn: addDays(todayLocal, -21), workshopEndsOn: addDays(todayLocal, 100) };
	const r = await trx
		.insertInto('editions')
		.values({
			campaignId: Number(campaign.insertId),
			year,
			name,
			status: 'published',
			enrolmentOpensAt: toDbTime(opensAt),
			enrolmentClosesAt: toDbTime(brusselsToUtc(addDays(todayLocal, 30), '23:59')),
			...period,
			descriptionNl: null,
			descriptionEn: null,
			maxClasses: null,
			maxClassesPerCampus: null,
			copiedFromEditionId: null,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	const id = Number(r.insertId);
	await trx
		.insertInto('editionGrades')
		.values(allGrades.map((grade) => ({ editionId: id, grade })))
		.execute();
	return { id, name, opensAt, ...period };
}

const gradePrefix = (grade: string) => (grade.startsWith('K') ? grade : grade.startsWith('L') || grade.startsWith('S') ? grade.slice(1) : `${grade} `);
const letters = (n: number) => String.fromCharCode(65 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26) + 1) : '');

interface ClassSpec {
	campusId: number;
	enrolledBy: number;
	name: string;
	grade: string;
	level: Level;
	pupilCount: number;
	language: InstructionLanguage;
	remarks: string | null;
}

/** Classes spread over campuses (5 to 35 each), shuffled into one arrival order across the first two weeks of enrolment. */
function planClasses(rng: Rng, campuses: { id: number; levels: Level[] }[], teacherIds: number[], total: number): ClassSpec[] {
	const specs: ClassSpec[] = [];
	const average = total / campuses.length;
	campuses.forEach((campus, i) => {
		const remaining = total - specs.length;
		const n = i === campuses.length - 1 ? remaining : Math.max(1, Math.min(remaining, Math.round(average + (rng.next() - 0.5) * average)));
		const perGrade = new Map<string, number>();
		const choices = campus.levels.flatMap((level) => data.gradeWeights[level].map(([grade, w]) => [[grade, level] as const, w] as const));
		for (let k = 0; k < n; k++) {
			const [grade, level] = rng.weighted(choices);
			const seq = perGrade.get(grade) ?? 0;
			perGrade.set(grade, seq + 1);
			const remarks = rng.next() < 0.05 ? rng.pick(data.remarks) : null;
			specs.push({
				campusId: campus.id,
				enrolledBy: teacherIds[i % teacherIds.length],
				name: gradePrefix(grade) + letters(seq),
				grade,
				level,
				pupilCount: rng.int(12, 28),
				language: rng.weighted(data.languageWeights),
				remarks
			});
		}
	});
	for (let i = specs.length - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		[specs[i], specs[j]] = [specs[j], specs[i]];
	}
	return specs;
}

async function insertClasses(
	trx: Transaction<Database>,
	rng: Rng,
	edition: { id: number; opensAt: Date },
	campuses: { id: number; levels: Level[] }[],
	teacherIds: number[],
	size: { classes: number; waiting: number; withdrawn: number },
	today: Date
) {
	const specs = planClasses(rng, campuses, teacherIds, size.classes);
	const step = Math.max(1, Math.floor((today.getTime() - edition.opensAt.getTime()) / specs.length));
	const withdrawnShare = size.withdrawn / specs.length;
	let waitingLeft = size.waiting;
	// The last classes to arrive (not withdrawn) are the ones on the waiting list.
	const rows = specs
		.map((spec, i) => ({ spec, at: toDbTime(new Date(edition.opensAt.getTime() + i * step)), withdrawn: rng.next() < withdrawnShare }))
		.reverse()
		.map(({ spec, at, withdrawn }) => {
			const status = withdrawn ? ('withdrawn' as const) : waitingLeft-- > 0 ? ('waiting' as const) : ('enrolled' as const);
			return {
				editionId: edition.id,
				...spec,
				nameKey: textKey(spec.name),
				status,
				active: withdrawn ? null : (1 as const),
				queuedAt: at,
				withdrawnAt: withdrawn ? at : null,
				createdAt: at,
				updatedAt: at
			};
		})
		.reverse();
	await insertBatches(trx, 'classes', rows);
	const counts = { classes: rows.length, enrolled: 0, waiting: 0, withdrawn: 0 };
	for (const r of rows) counts[r.status]++;
	// The edition is full: that is why the last arrivals wait.
	await trx.updateTable('editions').set({ maxClasses: counts.enrolled }).where('id', '=', edition.id).execute();
	return counts;
}
