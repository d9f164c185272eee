import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { textKey } from '../../src/lib/server/db/keys';
import { nowDb } from '../../src/lib/server/db/time';
import {
	invitationOverview,
	schoolInvitationsSent,
	sendSchoolInvitations,
	anySchoolInvitationsSent
} from '../../src/lib/server/campaigns/school-invitations.service';
import { formatInviteCode } from '../../src/lib/invite-code';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { coordinatorActor, createEdition } from './support/enrolment-fixtures';
import { count, createCampus, createSchool, createUser } from './support/fixtures';

const contacts = { includeTeachers: false, contactLocale: 'nl' as const };
const withTeachers = { includeTeachers: true, contactLocale: 'nl' as const };
const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.messageKey ?? String(e)
	);

async function campusWithContact(db: Kysely<Database>, name: string, email: string | null, schoolName = `School ${name}`) {
	const campus = await createCampus(db, { schoolId: await createSchool(db, schoolName), name });
	await db
		.updateTable('campuses')
		.set({ contactName: `Contact ${name}`, contactEmail: email })
		.where('id', '=', campus.id)
		.execute();
	return campus;
}

/** A class enrolled directly (the previous edition is archived: no service would take it now). */
async function pastClass(db: Kysely<Database>, editionId: number, campusId: number, enrolledBy: number, status: 'enrolled' | 'withdrawn' = 'enrolled') {
	const now = nowDb();
	const name = `K${enrolledBy}-${status}`;
	await db
		.insertInto('classes')
		.values({
			editionId,
			campusId,
			name,
			nameKey: textKey(name),
			grade: 'L5',
			level: 'lager',
			pupilCount: 20,
			language: 'nl',
			remarks: null,
			status,
			active: status === 'withdrawn' ? null : 1,
			queuedAt: now,
			enrolledBy,
			withdrawnAt: null,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

const outbox = (db: Kysely<Database>) => db.selectFrom('mailOutbox').selectAll().where('template', '=', 'school_invitation').orderBy('recipient').execute();

describeEachDatabase('school invitations', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 6 });

	async function twoEditions() {
		const previous = await createEdition(ctx.db, { year: 2026, status: 'archived' });
		const current = await createEdition(ctx.db, { year: 2027, opens: '2026-11-01 00:00:00.000', closes: '2099-03-31 22:00:00.000' });
		return { previous, current };
	}

	it("counts one mail per contact address, leaves out campuses without one, and adds last year's teachers only when chosen", async () => {
		const actor = await coordinatorActor(ctx.db);
		const { previous, current } = await twoEditions();
		const a = await campusWithContact(ctx.db, 'Noord', 'els@school.be');
		await campusWithContact(ctx.db, 'Zuid', 'ELS@School.be ', 'Andere school'); // the same person for a second campus
		await campusWithContact(ctx.db, 'Oost', null);
		await campusWithContact(ctx.db, 'West', '');
		const bart = await createUser(ctx.db, { email: 'bart@school.be', roles: ['teacher'], campusId: a.id, locale: 'en' });
		const both = await createUser(ctx.db, { email: 'els@school.be', roles: ['teacher'], campusId: a.id, name: 'Els' });
		const gone = await createUser(ctx.db, { email: 'gone@school.be', roles: ['teacher'], campusId: a.id });
		const withdrew = await createUser(ctx.db, { email: 'withdrew@school.be', roles: ['teacher'], campusId: a.id });
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', gone).execute();
		for (const id of [bart, both, gone]) await pastClass(ctx.db, previous, a.id, id);
		await pastClass(ctx.db, previous, a.id, withdrew, 'withdrawn');

		const plain = await invitationOverview(ctx.db, actor, current, contacts);
		expect([plain.contactCampuses, plain.withoutContact.length, plain.total, plain.teacherCount, plain.previous?.name]).toEqual([2, 2, 1, 2, 'PAARS 2026']);
		const chosen = await invitationOverview(ctx.db, actor, current, withTeachers);
		expect([chosen.total, chosen.newCount]).toEqual([2, 2]);

		expect(await sendSchoolInvitations(ctx.db, actor, current, withTeachers)).toEqual({ queued: 2, contacts: 1, teachers: 1 });
		const mails = await outbox(ctx.db);
		expect(mails.map((r) => [r.recipient, r.locale])).toEqual([
			['bart@school.be', 'en'],
			['els@school.be', 'nl']
		]);
		// Els is contact of both campuses and a teacher: one mail, with both codes and a login link.
		const els = mails[1].bodyText;
		expect(els).toContain('/login?next=%2Fteacher%2Feditions%2F' + current + '%2Fenrol');
		expect(els.match(/campuscode [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g)).toHaveLength(2);
		expect(mails[0].bodyText).not.toContain('/register?code=');
		expect(mails[0].bodyText).toContain('You enrolled classes for PAARS 2026. ');
		expect(mails[0].bodyText).toContain('Log in and enrol classes: ');
	});

	it('writes the campus code and link, the edition, its enrolment period and the city, in Dutch and in English', async () => {
		const actor = await coordinatorActor(ctx.db);
		const { current } = await twoEditions();
		await ctx.db
			.insertInto('settings')
			.values({ key: 'city_name', value: null, valueNl: 'Stad Brugge', valueEn: 'City of Bruges', updatedAt: nowDb(), updatedBy: null })
			.execute();
		const nl = await campusWithContact(ctx.db, 'Centrum', 'nl@school.be');
		const en = await campusWithContact(ctx.db, 'Haven', 'en@school.be');
		await createUser(ctx.db, { email: 'en@school.be', roles: ['teacher'], locale: 'en' });
		await sendSchoolInvitations(ctx.db, actor, current, contacts);
		const [enMail, nlMail] = await outbox(ctx.db);
		expect(nlMail.subject).toBe('Schrijf je klassen in voor PAARS 2027 · Stad Brugge');
		expect(nlMail.bodyText).toContain(`campuscode ${formatInviteCode(nl.inviteCode)}`);
		expect(nlMail.bodyText).toContain(`/register?code=${nl.inviteCode}`);
		expect(nlMail.bodyText).toContain('van 1 november 2026 tot en met 31 maart 2099');
		expect(nlMail.bodyText).toContain('Stad Brugge nodigt je school uit om deel te nemen aan PAARS 2027.');
		expect(enMail.subject).toBe('Enrol your classes for PAARS 2027 · City of Bruges');
		expect(enMail.bodyText).toContain(`campus code ${formatInviteCode(en.inviteCode)}`);
		expect(enMail.bodyText).toContain('from 1 November 2026 up to and including 31 March 2099');
		// A contact with a teacher account (no classes last year) logs in rather than registers, and is addressed as a contact.
		expect(enMail.bodyText).toContain('City of Bruges invites your school to take part in PAARS 2027.');
		expect(enMail.bodyText).toContain(`Log in and enrol classes: http`);
		expect(nlMail.bodyText).toContain(`Registreren met de campuscode: http`);
		const preview = await invitationOverview(ctx.db, actor, current, contacts);
		expect(preview.preview?.nl.text).toContain(`/register?code=`);
		expect(preview.preview?.en.subject).toBe('Enrol your classes for PAARS 2027 · City of Bruges');
	});

	it('sends once: a second press queues nothing, a new contact gets only theirs, and each queuing send is audited', async () => {
		const actor = await coordinatorActor(ctx.db);
		const { current } = await twoEditions();
		await campusWithContact(ctx.db, 'Noord', 'a@school.be');
		await campusWithContact(ctx.db, 'Zuid', 'b@school.be');
		expect((await sendSchoolInvitations(ctx.db, actor, current, contacts)).queued).toBe(2);
		expect((await sendSchoolInvitations(ctx.db, actor, current, contacts)).queued).toBe(0);
		const late = await campusWithContact(ctx.db, 'Oost', null);
		expect((await invitationOverview(ctx.db, actor, current, contacts)).newCount).toBe(0);
		await ctx.db.updateTable('campuses').set({ contactEmail: 'c@school.be' }).where('id', '=', late.id).execute();
		const overview = await invitationOverview(ctx.db, actor, current, contacts);
		expect([overview.total, overview.newCount, overview.sentTotal]).toEqual([3, 1, 2]);
		expect((await sendSchoolInvitations(ctx.db, actor, current, contacts)).queued).toBe(1);
		expect((await outbox(ctx.db)).map((r) => r.recipient)).toEqual(['a@school.be', 'b@school.be', 'c@school.be']);
		const audits = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'edition.schools_invited').orderBy('id').execute();
		expect(audits.map((a) => [a.entityId, JSON.parse(a.afterJson!).queued])).toEqual([
			[String(current), 2],
			[String(current), 1]
		]);
		expect(await schoolInvitationsSent(ctx.db, current)).toBe(3);
		expect((await invitationOverview(ctx.db, actor, current, contacts)).lastSentAt).toBeInstanceOf(Date);
	});

	it('queues all mails in one transaction: a failure halfway leaves nothing queued and nothing audited', async () => {
		const actor = await coordinatorActor(ctx.db);
		const { current } = await twoEditions();
		for (const n of ['a', 'b', 'c', 'd']) await campusWithContact(ctx.db, n, `${n}@school.be`);
		await refuseRecipient(ctx.db, dialect, 'c@school.be');
		try {
			await expect(sendSchoolInvitations(ctx.db, actor, current, contacts)).rejects.toThrow();
		} finally {
			await sql`drop trigger if exists refuse_recipient`.execute(ctx.db);
		}
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		expect(await count(ctx.db, 'auditLog')).toBe(0);
		expect((await sendSchoolInvitations(ctx.db, actor, current, contacts)).queued).toBe(4);
	});

	it('refuses archived, draft and closed editions with a clear reason', async () => {
		const actor = await coordinatorActor(ctx.db);
		await campusWithContact(ctx.db, 'Noord', 'a@school.be');
		const archived = await createEdition(ctx.db, { year: 2025, status: 'archived' });
		const draft = await createEdition(ctx.db, { year: 2028, status: 'draft' });
		const closed = await createEdition(ctx.db, { year: 2024, closes: '2024-04-01 00:00:00.000' });
		expect(await keyOf(sendSchoolInvitations(ctx.db, actor, archived, contacts))).toBe('si_error_archived');
		expect(await keyOf(sendSchoolInvitations(ctx.db, actor, draft, contacts))).toBe('si_error_draft');
		expect(await keyOf(sendSchoolInvitations(ctx.db, actor, closed, contacts))).toBe('si_error_closed');
		expect((await invitationOverview(ctx.db, actor, archived, contacts)).refusal).toBe('si_error_archived');
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		expect(await anySchoolInvitationsSent(ctx.db)).toBe(false);
		const teacher = { id: actor.id, displayName: 'x', roles: ['teacher' as const] };
		expect(await keyOf(sendSchoolInvitations(ctx.db, teacher, archived, contacts))).toBe('error_forbidden');
	});

	it('queues each mail once when two coordinators send at the same moment', async () => {
		const actor = await coordinatorActor(ctx.db);
		const { current } = await twoEditions();
		for (let i = 0; i < 40; i++) await campusWithContact(ctx.db, `C${i}`, `c${i}@school.be`);
		// Six presses at once (a double click, two coordinators), some with other choices: no error, each address once.
		const results = await Promise.all(Array.from({ length: 6 }, (_, i) => sendSchoolInvitations(ctx.db, actor, current, i % 2 ? withTeachers : contacts)));
		expect(results.map((r) => r.queued).reduce((a, b) => a + b, 0)).toBe(40);
		expect(await count(ctx.db, 'mailOutbox')).toBe(40);
		const audited = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'edition.schools_invited').execute();
		expect(audited.map((a) => JSON.parse(a.afterJson!).queued).reduce((a: number, b: number) => a + b, 0)).toBe(40);
		expect(await anySchoolInvitationsSent(ctx.db)).toBe(true);
	});
});

/** A database trigger that refuses one recipient's mail, to break a send halfway. */
async function refuseRecipient(db: Kysely<Database>, dialect: string, recipient: string) {
	if (dialect === 'mysql') {
		await sql
			.raw(
				`create trigger refuse_recipient before insert on mail_outbox for each row begin if new.recipient = '${recipient}' then signal sqlstate '45000' set message_text = 'refused'; end if; end`
			)
			.execute(db);
	} else {
		await sql
			.raw(`create trigger refuse_recipient before insert on mail_outbox when new.recipient = '${recipient}' begin select raise(abort, 'refused'); end`)
			.execute(db);
	}
}
