import { expect, it } from 'vitest';
import { issueToken } from '../../src/lib/server/auth/one-time-token';
import { bucket, recordFailure } from '../../src/lib/server/auth/rate-limit';
import { hours } from '../../src/lib/server/db/time';
import { confirmEmail, registerTeacher } from '../../src/lib/server/users/registration.service';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { waitingPosition } from '../../src/lib/server/enrolments/class.repository';
import { readEnrolled } from '../../src/lib/server/enrolments/class-counters.repository';
import { checkClassCounters } from '../../src/lib/server/enrolments/class-counters.service';
import { describeEachDatabase } from './support/databases';
import { aClass, createEdition, teacherAt } from './support/enrolment-fixtures';
import { useDatabase } from './support/context';
import { count, createCampus, createUser, goodPassword } from './support/fixtures';

/**
 * Races decided by the database. On MariaDB these run on real parallel
 * connections; on SQLite Kysely serialises them on one connection, so there they
 * only prove the outcome, not the race.
 */
describeEachDatabase('concurrency', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 25 });

	it('lets a one-time link be used exactly once when ten requests use it at the same moment', async () => {
		const userId = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'], confirmed: false });
		const token = await issueToken(ctx.db, userId, 'email_confirm');
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => confirmEmail(ctx.db, token, { userAgent: null })));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.messageKey);
		expect(reasons).toEqual(Array(9).fill('error_link_invalid'));
		expect(await ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'user.email_confirmed').execute()).toHaveLength(1);
		// One session: the one request that used the link.
		expect(await ctx.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
	});

	it('creates one account when eight registrations with the same address arrive together; five get through the address limit, the other four mail its holder', async () => {
		const campus = await createCampus(ctx.db);
		const attempt = (i: number) =>
			registerTeacher(ctx.db, {
				displayName: `Twin ${i}`,
				email: i % 2 ? 'twin@school.be' : 'TWIN@school.be',
				password: goodPassword,
				inviteCode: campus.inviteCode,
				locale: 'nl',
				address: `10.0.0.${i}`
			});
		const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => attempt(i)));
		const answers = results.map((r) => (r.status === 'fulfilled' ? (r.value.userId === null ? 'same answer' : 'created') : r.reason.messageKey));
		expect(answers.filter((a) => a === 'created')).toHaveLength(1);
		expect(answers.filter((a) => a === 'same answer')).toHaveLength(4);
		expect(answers.filter((a) => a === 'auth_register_rate_limited')).toHaveLength(3);
		expect(await count(ctx.db, 'users')).toBe(1);
		const mails = await ctx.db.selectFrom('mailOutbox').select('template').orderBy('template').execute();
		expect(mails.map((m) => m.template)).toEqual(['email_confirm', ...Array(4).fill('register_existing')]);
		expect(await count(ctx.db, 'teacherCampuses')).toBe(1);
	});

	it('counts every one of twenty simultaneous failed logins (no lost update)', async () => {
		const name = bucket('login-a', '198.51.100.1');
		const rule = { limit: 1000, windowMs: hours(1), blockMs: () => 0 };
		await Promise.all(Array.from({ length: 20 }, () => recordFailure(ctx.db, name, rule)));
		const row = await ctx.db.selectFrom('rateLimits').selectAll().where('bucket', '=', name).executeTakeFirstOrThrow();
		expect(row.hits).toBe(20);
	});

	it('gives the last free place to exactly one of 50 simultaneous enrolments; the other 49 wait in positions 1–49', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 10 });
		const teachers = await Promise.all(Array.from({ length: 5 }, (_, i) => teacherAt(ctx.db, `t${i}@school.be`)));
		for (let i = 0; i < 9; i++) await enrolClass(ctx.db, teachers[i % 5].actor, aClass(editionId, teachers[i % 5].campusId, `Vooraf ${i}`));
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, (_, i) => enrolClass(ctx.db, teachers[i % 5].actor, aClass(editionId, teachers[i % 5].campusId, `Race ${i}`)))
		);
		const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(failures.map((f) => String(f.reason))).toEqual([]); // deadlocks are retried, never shown
		const outcomes = results.map((r) => (r as PromiseFulfilledResult<{ status: string; classId: number }>).value);
		expect(outcomes.filter((o) => o.status === 'enrolled')).toHaveLength(1);
		const enrolled = await ctx.db
			.selectFrom('classes')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'enrolled')
			.executeTakeFirstOrThrow();
		expect(Number(enrolled.n)).toBe(10);
		const positions = await Promise.all(outcomes.filter((o) => o.status === 'waiting').map((o) => waitingPosition(ctx.db, editionId, o.classId)));
		expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
		// The counters the quota check read agree with a recount of the classes.
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
		expect((await readEnrolled(ctx.db, editionId, teachers[0].campusId)).edition).toBe(10);
	});

	it('keeps each campus under its maximum and the counters exact when 40 enrolments and withdrawals of five campuses race', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 12, maxClassesPerCampus: 3 });
		const teachers = await Promise.all(Array.from({ length: 5 }, (_, i) => teacherAt(ctx.db, `t${i}@school.be`)));
		const early = [];
		for (let i = 0; i < 10; i++) early.push(await enrolClass(ctx.db, teachers[i % 5].actor, aClass(editionId, teachers[i % 5].campusId, `Vooraf ${i}`)));
		const results = await Promise.allSettled([
			...Array.from({ length: 30 }, (_, i) => enrolClass(ctx.db, teachers[i % 5].actor, aClass(editionId, teachers[i % 5].campusId, `Race ${i}`))),
			...early.map((c, i) => withdrawClass(ctx.db, teachers[i % 5].actor, c.classId))
		]);
		expect(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((f) => String(f.reason))).toEqual([]);
		const perCampus = await ctx.db
			.selectFrom('classes')
			.select(['campusId', (eb) => eb.fn.countAll<number>().as('n')])
			.where('editionId', '=', editionId)
			.where('status', '=', 'enrolled')
			.groupBy('campusId')
			.execute();
		expect(perCampus.every((r) => Number(r.n) <= 3)).toBe(true);
		// Five campuses of at most three: the edition is full again, with the rest waiting.
		expect(perCampus.reduce((a, r) => a + Number(r.n), 0)).toBe(12);
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
	});
});
