import type { Kysely } from 'kysely';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { newInviteCode } from '../../../src/lib/server/campuses/invite-code.service';
import { insertCampus, insertCampusLevels } from '../../../src/lib/server/campuses/campus.repository';
import type { Database, Level, Role } from '../../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../../src/lib/server/db/keys';
import { nowDb } from '../../../src/lib/server/db/time';
import { insertRole, insertUser, linkTeacherToCampus } from '../../../src/lib/server/users/user.repository';

export const goodPassword = 'Paarse polsbandjes 2027';
let cachedHash: Promise<string> | undefined;

export async function createSchool(db: Kysely<Database>, name = 'Testschool'): Promise<number> {
	const now = nowDb();
	const r = await db
		.insertInto('schools')
		.values({ name, nameKey: textKey(name), instellingsnummer: null, organisationId: null, active: 1, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export async function createCampus(
	db: Kysely<Database>,
	opts: { schoolId?: number; name?: string; levels?: Level[]; inviteCode?: string } = {}
): Promise<{ id: number; inviteCode: string }> {
	const schoolId = opts.schoolId ?? (await createSchool(db));
	const name = opts.name ?? 'Campus Centrum';
	const inviteCode = opts.inviteCode ?? newInviteCode();
	const id = await insertCampus(db, {
		schoolId,
		name,
		nameKey: textKey(name),
		street: 'Grote Markt 1',
		postalCode: '8500',
		city: 'Kortrijk',
		contactName: null,
		contactEmail: null,
		contactPhone: null,
		inviteCode,
		now: nowDb()
	});
	await insertCampusLevels(db, id, opts.levels ?? ['lager']);
	return { id, inviteCode };
}

export async function createOrganisation(db: Kysely<Database>, name = 'Wel Jong'): Promise<number> {
	const r = await db
		.insertInto('organisations')
		.values({ name, nameKey: textKey(name), kind: 'expert', createdAt: nowDb() })
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

export async function createUser(
	db: Kysely<Database>,
	opts: {
		email: string;
		roles: Role[];
		name?: string;
		password?: string | null;
		confirmed?: boolean;
		campusId?: number;
		organisationId?: number;
		locale?: 'nl' | 'en';
	}
): Promise<number> {
	const now = nowDb();
	cachedHash ??= hashPassword(goodPassword);
	const passwordHash = opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await cachedHash;
	const id = await insertUser(db, {
		email: opts.email,
		emailKey: emailKey(opts.email),
		displayName: opts.name ?? 'Test Persoon',
		passwordHash,
		locale: opts.locale ?? 'nl',
		emailConfirmedAt: opts.confirmed === false ? null : now,
		organisationId: opts.organisationId ?? null,
		now
	});
	for (const role of opts.roles) await insertRole(db, id, role, now);
	if (opts.campusId) await linkTeacherToCampus(db, id, opts.campusId, now);
	return id;
}

export const outboxFor = (db: Kysely<Database>, recipient: string) =>
	db.selectFrom('mailOutbox').selectAll().where('recipient', '=', recipient).orderBy('id', 'desc').execute();

/** The token at the end of a one-time link in the outbox. */
export const tokenFromLink = (link: string | null) => (link ?? '').split('/').pop() ?? '';

export const count = async (db: Kysely<Database>, table: keyof Database) =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
