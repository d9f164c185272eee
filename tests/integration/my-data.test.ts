import { expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset.service';
import { login } from '../../src/lib/server/auth/login.service';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { teacherHome } from '../../src/lib/server/enrolments/teacher-home.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { carryOutDeletion, openDeletionRequest, requestDeletion, withdrawDeletionRequest } from '../../src/lib/server/privacy/deletion-request.service';
import { exportMyData } from '../../src/lib/server/privacy/my-data.service';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { enrolmentOverview } from '../../src/lib/server/reports/enrolment-overview.service';
import { parseEnrolmentFilter } from '../../src/lib/schemas/enrolment-filter';
import { anonymiseUser } from '../../src/lib/server/users/anonymise';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { regenerateFeed } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { nowDb } from '../../src/lib/server/db/time';
import { withTransaction } from '../../src/lib/server/db/transaction';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass } from './support/enrolment-fixtures';
import { count, createUser, goodPassword, outboxFor } from './support/fixtures';
import { itemWithStock, wristbands } from './support/kit-fixtures';
import { addSlot, workshopWorld } from './support/workshop-fixtures';

describeEachDatabase('a user’s own data: download and deletion', (dialect) => {
	const ctx = useDatabase(dialect);

	/** Lies (teacher at Campus Centrum) with classes, a colleague's class, an order, a workshop, a feed, a session and a reset token. */
	async function world() {
		const w = await workshopWorld(ctx.db);
		const lies = w.centrum.teacher;
		const colleagueId = await createUser(ctx.db, { email: 'wout.collega@school.be', roles: ['teacher'], campusId: w.centrum.campusId, name: 'Wout Collega' });
		await enrolClass(
			ctx.db,
			{ id: colleagueId, displayName: 'Wout Collega', roles: ['teacher'] },
			aClass(w.editionId, w.centrum.campusId, '6C', { remarks: 'Klas van Wout' })
		);
		const bands = await itemWithStock(ctx.db, w.coordinator, w.editionId, wristbands, 500);
		await saveOrder(ctx.db, lies, {
			editionId: w.editionId,
			campusId: w.centrum.campusId,
			delivery: 'pickup',
			remarks: 'Graag vóór mei',
			lines: [{ itemId: bands, quantity: 40 }]
		});
		const slotId = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-04-21', '09:00', '10:40');
		await setSlotClasses(ctx.db, w.coordinator, slotId, [w.centrum.classIds[0]]);
		await bookSlot(ctx.db, w.anna, slotId);
		const session = await createSession(ctx.db, lies.id, 'Firefox op Linux');
		await requestPasswordReset(ctx.db, { email: lies.email, locale: 'nl' });
		return { ...w, lies, colleagueId, session, slotId };
	}

	it('exports the teacher’s own profile, campus, classes, order, workshop, mails and audit, and nothing secret or of others', async () => {
		const w = await world();
		const data = await exportMyData(ctx.db, w.lies.id);
		const text = JSON.stringify(data);

		expect(data.profile).toMatchObject({ email: 'lies@school.be', displayName: 'lies', locale: 'nl', roles: [{ role: 'teacher' }] });
		expect(data.campuses.map((c) => c.name)).toEqual(['Campus Centrum']);
		expect(data.classes.map((c) => c.name).sort()).toEqual(['5A', '5B']);
		expect(data.kitOrders).toHaveLength(1);
		expect(data.kitOrders[0]).toMatchObject({ remarks: 'Graag vóór mei', lines: [{ itemNl: 'Paarse polsbandjes', quantity: 40 }] });
		expect(data.workshops.ofMyClasses).toEqual([expect.objectContaining({ id: w.slotId, className: '5A', campus: 'Campus Centrum' })]);
		expect(data.devices).toEqual([expect.objectContaining({ device: 'Firefox op Linux' })]);
		expect(data.mails.map((mail) => mail.template)).toEqual(expect.arrayContaining(['class_enrolled', 'password_reset', 'workshop']));
		expect(data.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['class.enrolled', 'kit_order.created']));

		// Secrets: the password hash, the session id, the reset token's hash and its link.
		const user = await ctx.db.selectFrom('users').select('passwordHash').where('id', '=', w.lies.id).executeTakeFirstOrThrow();
		const sessionIds = await ctx.db.selectFrom('sessions').select('id').where('userId', '=', w.lies.id).execute();
		const tokens = await ctx.db.selectFrom('authTokens').select('tokenHash').where('userId', '=', w.lies.id).execute();
		const links = (await outboxFor(ctx.db, w.lies.email)).map((mail) => mail.secretLink).filter(Boolean);
		expect(tokens.length).toBeGreaterThan(0);
		expect(links.length).toBeGreaterThan(0);
		for (const secret of [user.passwordHash!, w.session.token, ...sessionIds.map((s) => s.id), ...tokens.map((t) => t.tokenHash), ...(links as string[])]) {
			expect(text).not.toContain(secret);
		}
		expect(text).not.toMatch(/passwordHash|tokenHash|secretLink|argon2/);
		// Other people: the colleague at the same campus and their class, the other teacher, the coordinator, the trainer.
		for (const other of [
			'Wout Collega',
			'wout.collega@school.be',
			'Klas van Wout',
			'"6C"',
			'tom@school.be',
			'Griet',
			'griet@stad.be',
			'Anna Peeters',
			'anna@weljong.be'
		]) {
			expect(text, other).not.toContain(other);
		}
	});

	it('exports a trainer’s workshops with their own booking, without the teachers of the classes', async () => {
		const w = await world();
		const data = await exportMyData(ctx.db, w.anna.id);
		expect(data.workshops.asTrainer).toEqual([expect.objectContaining({ id: w.slotId, campus: 'Campus Centrum', status: 'scheduled' })]);
		expect(data.classes).toEqual([]);
		// The mails sent to the trainer are theirs, as sent: the booking mail names the class's teacher to meet (issue 18).
		// Everything else about the workshop is the trainer's own: no teacher, colleague or coordinator.
		const { mails, ...own } = data;
		const text = JSON.stringify(own);
		for (const other of ['lies@school.be', '"lies"', 'Wout Collega', 'Griet']) expect(text, other).not.toContain(other);
		expect(mails.map((mail) => mail.bodyText).join('\n')).toContain('Leerkracht 5A: lies, lies@school.be');
	});

	it('takes one open request at a time, which the user can withdraw, and mails its receipt in the user’s language', async () => {
		const w = await world();
		const tom = w.noord.teacher; // reads English
		await requestDeletion(ctx.db, tom.id, 'Ik verlaat de school');
		await expect(requestDeletion(ctx.db, tom.id, null)).rejects.toMatchObject({ messageKey: 'md_error_request_open' });
		expect(await count(ctx.db, 'deletionRequests')).toBe(1);
		const [receipt] = (await outboxFor(ctx.db, tom.email)).filter((mail) => mail.template === 'data_deletion');
		expect(receipt.locale).toBe('en');
		expect(receipt.subject).toMatch(/received your request to delete your account/);

		await withdrawDeletionRequest(ctx.db, tom.id);
		expect(await openDeletionRequest(ctx.db, tom.id)).toBeNull();
		await expect(withdrawDeletionRequest(ctx.db, tom.id)).rejects.toMatchObject({ messageKey: 'md_error_request_closed' });
		// After withdrawing, a new request can be made: history never blocks it.
		await requestDeletion(ctx.db, tom.id, null);
		expect(await openDeletionRequest(ctx.db, tom.id)).not.toBeNull();
		const actions = await ctx.db
			.selectFrom('auditLog')
			.select('action')
			.where('entityType', '=', 'user')
			.where('entityId', '=', String(tom.id))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['user.deletion_requested', 'user.deletion_withdrawn', 'user.deletion_requested']);
	});

	it('carrying out a request anonymises the account, and its classes stay counted in the campus, the overview and the report', async () => {
		const w = await world();
		const before = {
			report: await campaignReport(ctx.db, w.coordinator, w.editionId),
			overview: await enrolmentOverview(ctx.db, w.coordinator, w.editionId, parseEnrolmentFilter(new URLSearchParams()))
		};
		await regenerateFeed(ctx.db, w.anna, { editionId: null });
		await requestDeletion(ctx.db, w.lies.id, 'Ik ga met pensioen');
		const requestId = (await openDeletionRequest(ctx.db, w.lies.id))!.id;

		await carryOutDeletion(ctx.db, w.coordinator, requestId);

		const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', w.lies.id).executeTakeFirstOrThrow();
		expect(user).toMatchObject({
			displayName: 'Verwijderd account',
			email: `deleted-${w.lies.id}@invalid`,
			passwordHash: null,
			disabled: 1,
			mailReminders: 0,
			mailFollowUps: 0
		});
		expect(user.anonymisedAt).not.toBeNull();
		expect(await validateSessionToken(ctx.db, w.session.token)).toBeNull();
		for (const table of ['sessions', 'authTokens', 'teacherCampuses', 'userRoles'] as const) {
			const left = await ctx.db.selectFrom(table).select('userId').where('userId', '=', w.lies.id).execute();
			expect(left, table).toEqual([]);
		}
		await expect(login(ctx.db, { email: 'lies@school.be', password: goodPassword, address: '10.0.0.1', userAgent: null })).rejects.toBeDefined();
		// No trace of the old address or name in mails, except the last mail that says it is done.
		const mails = await outboxFor(ctx.db, 'lies@school.be');
		expect(mails.map((mail) => mail.template)).toEqual(['data_deletion']);
		expect(mails[0].subject).toMatch(/Je account is verwijderd/);
		const request = await ctx.db.selectFrom('deletionRequests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
		expect(request).toMatchObject({ status: 'done', active: null, reason: null, resolvedBy: w.coordinator.id });
		const entry = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.deleted').executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ actorUserId: w.coordinator.id, entityType: 'user', entityId: String(w.lies.id) });

		// The classes stay with the campus: the colleague still sees them, reports read the same.
		const classes = await ctx.db.selectFrom('classes').select(['id', 'status', 'enrolledBy']).where('id', 'in', w.centrum.classIds).execute();
		expect(classes.every((c) => c.status === 'enrolled' && c.enrolledBy === w.lies.id)).toBe(true);
		const colleagueHome = await teacherHome(ctx.db, w.colleagueId);
		expect(colleagueHome.colleagueClasses.map((c) => c.id).sort()).toEqual([...w.centrum.classIds].sort());
		const after = {
			report: await campaignReport(ctx.db, w.coordinator, w.editionId),
			overview: await enrolmentOverview(ctx.db, w.coordinator, w.editionId, parseEnrolmentFilter(new URLSearchParams()))
		};
		expect(after.report.figures).toEqual(before.report.figures);
		expect(after.report.campuses).toEqual(before.report.campuses);
		expect(after.overview.totals).toEqual(before.overview.totals);
		// Nothing the person typed or was called survives in the audit log about them.
		const aboutLies = await ctx.db
			.selectFrom('auditLog')
			.select(['beforeJson', 'afterJson'])
			.where('entityType', '=', 'user')
			.where('entityId', '=', String(w.lies.id))
			.execute();
		expect(JSON.stringify(aboutLies)).not.toMatch(/lies|pensioen/i);
	});

	it('never removes the last coordinator, and removes one of two', async () => {
		const w = await world();
		await requestDeletion(ctx.db, w.coordinator.id, null);
		const requestId = (await openDeletionRequest(ctx.db, w.coordinator.id))!.id;
		await expect(carryOutDeletion(ctx.db, w.coordinator, requestId)).rejects.toMatchObject({ messageKey: 'md_error_last_coordinator' });
		expect(await openDeletionRequest(ctx.db, w.coordinator.id)).not.toBeNull();
		expect((await ctx.db.selectFrom('users').select('anonymisedAt').where('id', '=', w.coordinator.id).executeTakeFirstOrThrow()).anonymisedAt).toBeNull();
		// A disabled coordinator does not count as another one.
		const disabled = await createUser(ctx.db, { email: 'oud@stad.be', roles: ['coordinator'], name: 'Oud' });
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled).execute();
		await expect(carryOutDeletion(ctx.db, w.coordinator, requestId)).rejects.toMatchObject({ messageKey: 'md_error_last_coordinator' });

		const second = await createUser(ctx.db, { email: 'ahmed@stad.be', roles: ['coordinator'], name: 'Ahmed' });
		await carryOutDeletion(ctx.db, { id: second, displayName: 'Ahmed', roles: ['coordinator'] }, requestId);
		expect((await ctx.db.selectFrom('users').select('anonymisedAt').where('id', '=', w.coordinator.id).executeTakeFirstOrThrow()).anonymisedAt).not.toBeNull();
	});

	it('refuses a teacher or trainer carrying out a request, and a request carried out twice', async () => {
		const w = await world();
		await requestDeletion(ctx.db, w.noord.teacher.id, null);
		const requestId = (await openDeletionRequest(ctx.db, w.noord.teacher.id))!.id;
		await expect(carryOutDeletion(ctx.db, w.lies, requestId)).rejects.toMatchObject({ status: 403 });
		await expect(carryOutDeletion(ctx.db, w.anna, requestId)).rejects.toMatchObject({ status: 403 });
		await carryOutDeletion(ctx.db, w.coordinator, requestId);
		await expect(carryOutDeletion(ctx.db, w.coordinator, requestId)).rejects.toMatchObject({ messageKey: 'md_error_request_closed' });
		expect((await ctx.db.selectFrom('auditLog').select('id').where('action', '=', 'user.deleted').execute()).length).toBe(1);
	});

	it('anonymiseUser is idempotent and removes a trainer’s calendar feed while their workshops stay', async () => {
		const w = await world();
		await regenerateFeed(ctx.db, w.anna, { editionId: null });
		const first = await withTransaction(ctx.db, (trx) => anonymiseUser(trx, w.anna.id, nowDb()));
		expect(first).toMatchObject({ changed: true, former: { email: 'anna@weljong.be', displayName: 'Anna Peeters' } });
		expect(await ctx.db.selectFrom('calendarFeeds').select('id').where('userId', '=', w.anna.id).execute()).toEqual([]);
		expect(await ctx.db.selectFrom('slotTrainers').select('trainerId').where('slotId', '=', w.slotId).where('active', '=', 1).execute()).toEqual([
			{ trainerId: w.anna.id }
		]);
		const second = await withTransaction(ctx.db, (trx) => anonymiseUser(trx, w.anna.id, nowDb()));
		expect(second.changed).toBe(false);
	});
});
