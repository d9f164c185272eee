import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/lib/server/auth/password';
import { newInviteCode } from '../../src/lib/server/campuses/invite-code.service';
import type { Database } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { toDbTime } from '../../src/lib/server/db/time';
import { addDays, brusselsDateOf, brusselsToUtc } from '../../src/lib/time/brussels';
import { seedDemoCertificates } from './demo-certificates';
import { seedDemoClasses } from './demo-classes';
import { seedDemoKits } from './demo-kits';
import { seedDemoMaterials } from './demo-materials';
import { seedDemoOutbox } from './demo-outbox';
import { seedDemoWorkshops } from './demo-workshops';
import * as data from './demo-data';
import { nextIdahotYear } from './idahot';

/**
 * Loads the Kortrijk PAARS demo. Every date is computed from `today`, so the demo
 * never goes stale. Idempotent: each row is looked up by its natural key first,
 * so a second run changes nothing.
 */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
	const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	return !row;
}

export { nextIdahotYear };

export async function seedDemo(db: Kysely<Database>, opts: { today: Date }): Promise<void> {
	const now = toDbTime(opts.today);
	await db.transaction().execute(async (trx) => {
		await seedSettings(trx, now);
		const orgIds = await seedOrganisations(trx, now);
		const campusIds = await seedSchools(trx, now);
		await seedUsers(trx, now, orgIds, campusIds);
		await seedCampaign(trx, opts.today, now);
		const campaign = await trx.selectFrom('campaigns').select('id').where('nameKey', '=', textKey(data.campaign.name)).executeTakeFirstOrThrow();
		await seedDemoClasses(trx, campaign.id, nextIdahotYear(opts.today), opts.today);
		await seedDemoMaterials(trx, opts);
		await seedDemoKits(trx, opts);
	});
	// After the commit: the workshop services run their own transactions.
	await seedDemoWorkshops(db, opts);
	await seedDemoCertificates(db, opts);
	await seedDemoOutbox(db);
}

async function seedSettings(db: Kysely<Database>, now: string) {
	for (const s of data.settings) {
		const found = await db.selectFrom('settings').select('key').where('key', '=', s.key).executeTakeFirst();
		if (!found)
			await db
				.insertInto('settings')
				.values({ key: s.key, value: s.value ?? null, valueNl: s.nl ?? null, valueEn: s.en ?? null, updatedAt: now, updatedBy: null })
				.execute();
	}
}

async function seedOrganisations(db: Kysely<Database>, now: string): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const o of data.organisations) {
		const key = textKey(o.name);
		let row = await db.selectFrom('organisations').select('id').where('nameKey', '=', key).executeTakeFirst();
		if (!row) {
			const r = await db
				.insertInto('organisations')
				.values({ name: o.name, nameKey: key, kind: o.kind, ...o.contact, createdAt: now, updatedAt: now })
				.executeTakeFirstOrThrow();
			row = { id: Number(r.insertId) };
		}
		// A demo database from before organisations had contacts gets them once.
		await db.updateTable('organisations').set(o.contact).where('id', '=', row.id).where('website', 'is', null).execute();
		ids.set(o.name, row.id);
	}
	return ids;
}

async function seedSchools(db: Kysely<Database>, now: string): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const s of data.schools) {
		let school = await db.selectFrom('schools').select('id').where('instellingsnummer', '=', s.instellingsnummer).executeTakeFirst();
		if (!school) {
			const r = await db
				.insertInto('schools')
				.values({
					name: s.name,
					nameKey: textKey(s.name),
					instellingsnummer: s.instellingsnummer,
					organisationId: null,
					active: 1,
					createdAt: now,
					updatedAt: now
				})
				.executeTakeFirstOrThrow();
			school = { id: Number(r.insertId) };
		}
		for (const c of s.campuses) {
			const key = textKey(c.name);
			let campus = await db.selectFrom('campuses').select('id').where('schoolId', '=', school.id).where('nameKey', '=', key).executeTakeFirst();
			if (!campus) {
				const r = await db
					.insertInto('campuses')
					.values({
						schoolId: school.id,
						name: c.name,
						nameKey: key,
						street: c.street,
						postalCode: c.postalCode,
						city: c.city,
						contactName: c.contact,
						contactEmail: null,
						contactPhone: null,
						inviteCode: newInviteCode(),
						active: 1,
						createdAt: now,
						updatedAt: now
					})
					.executeTakeFirstOrThrow();
				campus = { id: Number(r.insertId) };
				await db
					.insertInto('campusLevels')
					.values(c.levels.map((level) => ({ campusId: campus!.id, level })))
					.execute();
			}
			ids.set(`${s.name} / ${c.name}`, campus.id);
		}
	}
	return ids;
}

async function seedUsers(db: Kysely<Database>, now: string, orgIds: Map<string, number>, campusIds: Map<string, number>) {
	let passwordHash: string | undefined;
	for (const u of data.users) {
		const key = emailKey(u.email);
		let user = await db.selectFrom('users').select('id').where('emailKey', '=', key).executeTakeFirst();
		if (user) continue;
		passwordHash ??= await hashPassword(data.demoPassword);
		const r = await db
			.insertInto('users')
			.values({
				email: u.email,
				emailKey: key,
				displayName: u.name,
				passwordHash,
				locale: u.locale ?? 'nl',
				disabled: 0,
				emailConfirmedAt: now,
				organisationId: u.organisation ? orgIds.get(u.organisation)! : null,
				planner: u.planner ? 1 : 0,
				lastLoginAt: null,
				createdAt: now,
				updatedAt: now
			})
			.executeTakeFirstOrThrow();
		user = { id: Number(r.insertId) };
		await db
			.insertInto('userRoles')
			.values(u.roles.map((role) => ({ userId: user!.id, role, createdAt: now })))
			.execute();
		for (const c of u.campuses ?? []) {
			await db
				.insertInto('teacherCampuses')
				.values({ userId: user.id, campusId: campusIds.get(c)!, createdAt: now })
				.execute();
		}
	}
}

async function seedCampaign(db: Kysely<Database>, today: Date, now: string) {
	const key = textKey(data.campaign.name);
	let campaign = await db.selectFrom('campaigns').select('id').where('nameKey', '=', key).executeTakeFirst();
	if (!campaign) {
		const r = await db
			.insertInto('campaigns')
			.values({
				name: data.campaign.name,
				nameKey: key,
				descriptionNl: data.campaign.descriptionNl,
				descriptionEn: data.campaign.descriptionEn,
				website: data.campaign.website,
				colour: data.campaign.colour,
				createdAt: now,
				updatedAt: now
			})
			.executeTakeFirstOrThrow();
		campaign = { id: Number(r.insertId) };
	}
	await db
		.updateTable('campaigns')
		.set({ website: data.campaign.website, colour: data.campaign.colour })
		.where('id', '=', campaign.id)
		.where('website', 'is', null)
		.execute();
	const year = nextIdahotYear(today);
	const todayLocal = brusselsDateOf(today);
	const idahot = `${year}-05-17`;
	// Enrolment opened two weeks ago and closes a month before 17 May (but never within a month from now).
	const closes = [addDays(idahot, -30), addDays(todayLocal, 30)].sort()[1];
	const editions = [
		{
			year,
			status: 'published' as const,
			opens: brusselsToUtc(addDays(todayLocal, -14)),
			closes: brusselsToUtc(closes, '23:59'),
			starts: addDays(todayLocal, -21),
			ends: addDays(idahot, 21),
			maxClasses: 40,
			maxClassesPerCampus: 8
		},
		{
			year: year - 1,
			status: 'archived' as const,
			opens: brusselsToUtc(`${year - 2}-11-15`),
			closes: brusselsToUtc(`${year - 1}-04-15`, '23:59'),
			starts: `${year - 1}-04-22`,
			ends: `${year - 1}-06-07`,
			maxClasses: null,
			maxClassesPerCampus: null
		}
	];
	// Both editions are meant for the third kleuterklas, lager, secundair and buitengewoon onderwijs.
	const editionGrades = ['K3', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'BB', 'BS'];
	for (const e of editions) {
		let edition = await db.selectFrom('editions').select('id').where('campaignId', '=', campaign.id).where('year', '=', e.year).executeTakeFirst();
		if (!edition) {
			const r = await db
				.insertInto('editions')
				.values({
					campaignId: campaign.id,
					year: e.year,
					name: `PAARS ${e.year}`,
					status: e.status,
					enrolmentOpensAt: toDbTime(e.opens),
					enrolmentClosesAt: toDbTime(e.closes),
					workshopStartsOn: e.starts,
					workshopEndsOn: e.ends,
					descriptionNl: data.campaign.descriptionNl,
					descriptionEn: data.campaign.descriptionEn,
					maxClasses: e.maxClasses,
					maxClassesPerCampus: e.maxClassesPerCampus,
					createdAt: now,
					updatedAt: now
				})
				.executeTakeFirstOrThrow();
			edition = { id: Number(r.insertId) };
		}
		// Also fills in the grades of an edition seeded before editions had any.
		const hasGrades = await db.selectFrom('editionGrades').select('grade').where('editionId', '=', edition.id).limit(1).executeTakeFirst();
		if (!hasGrades)
			await db
				.insertInto('editionGrades')
				.values(editionGrades.map((grade) => ({ editionId: edition!.id, grade })))
				.execute();
	}
}
