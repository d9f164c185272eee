import { z } from 'zod';
import { issueToken } from '../src/lib/server/auth/one-time-token';
import { publicOrigin } from '../src/lib/server/config';
import { emailKey, textKey } from '../src/lib/server/db/keys';
import { nowDb } from '../src/lib/server/db/time';
import { findUserByEmailKey, insertRole, insertUser } from '../src/lib/server/users/user.repository';
import { limits } from '../src/lib/limits';
import { fail, openAndMigrate, parseArgs } from './cli';

/**
 * Creates an account on any database (the first coordinator of a production
 * install) and prints a one-time link, valid 7 days, to choose its password.
 * No password travels through the shell history.
 *   npm run user:create -- --role coordinator --email you@city.be --name "Your Name"
 */
const args = z
	.object({
		role: z.enum(['coordinator', 'trainer', 'teacher']),
		email: z.email().max(limits.email),
		name: z.string().trim().min(1).max(limits.personName).optional(),
		organisation: z.string().trim().optional(),
		locale: z.enum(['nl', 'en']).default('nl')
	})
	.safeParse(parseArgs(process.argv.slice(2)));
if (!args.success) {
	fail(
		`Usage: npm run user:create -- --role coordinator|trainer|teacher --email ADDRESS [--name "Full Name"] [--organisation "Wel Jong"] [--locale nl|en]\n${args.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`
	);
}
const input = args.data;

const handle = await openAndMigrate();
const db = handle.db;
const key = emailKey(input.email);
if (await findUserByEmailKey(db, key)) {
	await handle.close();
	fail(`An account for ${input.email} exists already.`);
}
let organisationId: number | null = null;
if (input.role === 'trainer') {
	const org = input.organisation
		? await db.selectFrom('organisations').select('id').where('nameKey', '=', textKey(input.organisation)).executeTakeFirst()
		: undefined;
	if (!org) {
		await handle.close();
		fail('A trainer needs --organisation with the name of an existing organisation.');
	}
	organisationId = org.id;
}
const link = await db.transaction().execute(async (trx) => {
	const now = nowDb();
	const userId = await insertUser(trx, {
		email: input.email.trim(),
		emailKey: key,
		displayName: input.name ?? input.email.split('@')[0],
		passwordHash: null,
		locale: input.locale,
		emailConfirmedAt: null,
		organisationId,
		now
	});
	await insertRole(trx, userId, input.role, now);
	await trx
		.insertInto('auditLog')
		.values({
			actorUserId: null,
			action: 'user.created_from_cli',
			entityType: 'user',
			entityId: String(userId),
			beforeJson: null,
			afterJson: JSON.stringify({ role: input.role }),
			createdAt: now
		})
		.execute();
	return `${publicOrigin()}/invite/${await issueToken(trx, userId, 'invite')}`;
});
await handle.close();
console.log(`Created ${input.role} ${input.email}. Open this link within 7 days to choose the password:\n${link}`);
