import { expect, it } from 'vitest';
import { getOrIssueClassCertificate, revokeCertificate } from '../../src/lib/server/certificates/certificate.service';
import { classForViewer } from '../../src/lib/server/enrolments/enrol-form.service';
import { enrolClass, updateClassDetails, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { pastClassesOfTeacher } from '../../src/lib/server/enrolments/past-classes.service';
import { teacherHome } from '../../src/lib/server/enrolments/teacher-home.service';
import { ValidationError } from '../../src/lib/server/errors';
import { formatInviteCode } from '../../src/lib/invite-code';
import { registerTeacher } from '../../src/lib/server/users/registration.service';
import { addCampusByCode, leaveCampus } from '../../src/lib/server/users/teacher-campus.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { count, createCampus, createSchool, goodPassword, outboxFor } from './support/fixtures';

const keyOf = (err: unknown) => (err instanceof ValidationError ? `${err.messageKey}@${err.field}` : String(err));

describeEachDatabase('teachers at more than one campus', (dialect) => {
	const ctx = useDatabase(dialect);

	const auditActions = async (action: string) =>
		ctx.db.selectFrom('auditLog').select(['actorUserId', 'afterJson', 'beforeJson']).where('action', '=', action).execute();
	const campusIdsOf = async (userId: number) =>
		(await ctx.db.selectFrom('teacherCampuses').select('campusId').where('userId', '=', userId).orderBy('campusId').execute()).map((r) => r.campusId);

	it('adds a campus by its code, typed loosely, and audits it', async () => {
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const other = await createCampus(ctx.db, { schoolId: await createSchool(ctx.db, 'Atheneum'), name: 'Campus Station', levels: ['secundair'] });
		const loose = formatInviteCode(other.inviteCode).toLowerCase();
		const added = await addCampusByCode(ctx.db, actor, loose);
		expect(added.label).toBe('Atheneum – Campus Station');
		expect(await campusIdsOf(actor.id)).toEqual([campusId, other.id].sort((a, b) => a - b));
		const [entry] = await auditActions('teacher.campus_added');
		expect(entry.actorUserId).toBe(actor.id);
		expect(JSON.parse(entry.afterJson!)).toEqual({ campusId: other.id });
		// The new campus's classes are now on the teacher's start page.
		expect((await teacherHome(ctx.db, actor.id)).campuses.map((c) => c.id).sort()).toEqual([campusId, other.id].sort());
	});

	it('refuses a wrong code, or a campus already linked, with a field error and writes nothing', async () => {
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const own = await ctx.db.selectFrom('campuses').select('inviteCode').where('id', '=', campusId).executeTakeFirstOrThrow();
		expect(keyOf(await addCampusByCode(ctx.db, actor, 'ZZZZZZZZZZZZ').catch((e) => e))).toBe('error_invite_code_unknown@inviteCode');
		expect(keyOf(await addCampusByCode(ctx.db, actor, own.inviteCode).catch((e) => e))).toBe('tc_error_already_linked@inviteCode');
		// A deactivated campus's code is as unknown as a wrong one.
		const closed = await createCampus(ctx.db, { name: 'Campus Dicht' });
		await ctx.db.updateTable('campuses').set({ active: null }).where('id', '=', closed.id).execute();
		expect(keyOf(await addCampusByCode(ctx.db, actor, closed.inviteCode).catch((e) => e))).toBe('error_invite_code_unknown@inviteCode');
		expect(await campusIdsOf(actor.id)).toEqual([campusId]);
		expect(await auditActions('teacher.campus_added')).toHaveLength(0);
	});

	it('refuses an account without the teacher role', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const campus = await createCampus(ctx.db);
		await expect(addCampusByCode(ctx.db, coordinator, campus.inviteCode)).rejects.toMatchObject({ status: 403 });
		expect(await count(ctx.db, 'teacherCampuses')).toBe(0);
	});

	it('leaves a campus: its classes stay, and the teacher can no longer see or change them', async () => {
		const editionId = await createEdition(ctx.db);
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const second = await createCampus(ctx.db, { name: 'Campus Heule', levels: ['lager'] });
		await addCampusByCode(ctx.db, actor, second.inviteCode);
		const colleague = await teacherAt(ctx.db, 'wout@school.be', second);
		const { classId } = await enrolClass(ctx.db, actor, aClass(editionId, second.id, '5A'));

		const left = await leaveCampus(ctx.db, actor, second.id);
		expect(left.label).toBe('Testschool – Campus Heule');
		expect(await campusIdsOf(actor.id)).toEqual([campusId]);
		const cls = await ctx.db.selectFrom('classes').select(['campusId', 'status', 'enrolledBy']).where('id', '=', classId).executeTakeFirstOrThrow();
		expect(cls).toEqual({ campusId: second.id, status: 'enrolled', enrolledBy: actor.id });

		const home = await teacherHome(ctx.db, actor.id);
		expect([...home.myClasses, ...home.colleagueClasses].map((c) => c.id)).not.toContain(classId);
		await expect(classForViewer(ctx.db, actor, classId)).rejects.toMatchObject({ status: 404 });
		await expect(updateClassDetails(ctx.db, actor, classId, { ...aClass(editionId, second.id, '5A'), pupilCount: 30 })).rejects.toMatchObject({
			status: 403,
			messageKey: 'error_not_your_campus'
		});
		await expect(withdrawClass(ctx.db, actor, classId)).rejects.toMatchObject({ status: 403 });
		await expect(enrolClass(ctx.db, actor, aClass(editionId, second.id, '5B'))).rejects.toMatchObject({ status: 403 });
		await expect(getOrIssueClassCertificate(ctx.db, actor, classId)).rejects.toMatchObject({ status: 403 });
		// The colleague who stays still sees the class.
		expect((await teacherHome(ctx.db, colleague.actor.id)).colleagueClasses.map((c) => c.id)).toEqual([classId]);
		const [entry] = await auditActions('teacher.campus_left');
		expect(JSON.parse(entry.beforeJson!)).toEqual({ campusId: second.id });
	});

	it('lets a teacher leave their last campus, and refuses leaving a campus they are not at', async () => {
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const elsewhere = await createCampus(ctx.db, { name: 'Campus Elders' });
		await expect(leaveCampus(ctx.db, actor, elsewhere.id)).rejects.toMatchObject({ status: 404 });
		await leaveCampus(ctx.db, actor, campusId);
		expect(await campusIdsOf(actor.id)).toEqual([]);
		expect((await teacherHome(ctx.db, actor.id)).campuses).toEqual([]);
		await expect(leaveCampus(ctx.db, actor, campusId)).rejects.toMatchObject({ status: 404 });
		expect(await auditActions('teacher.campus_left')).toHaveLength(1);
	});

	it('tells someone who registers again with another campus code, by mail only, to log in and add it, and writes nothing else', async () => {
		const first = await createCampus(ctx.db);
		const second = await createCampus(ctx.db, { name: 'Campus Heule' });
		const input = { displayName: 'Lies', email: 'lies@school.be', password: goodPassword, locale: 'nl' as const, address: '10.0.0.1' };
		await registerTeacher(ctx.db, { ...input, inviteCode: first.inviteCode });
		const mails = (await outboxFor(ctx.db, 'lies@school.be')).length;
		// The same answer as a new registration: the page does not tell who has an account.
		expect(await registerTeacher(ctx.db, { ...input, email: 'LIES@school.be', inviteCode: second.inviteCode })).toEqual({ userId: null });
		expect(await count(ctx.db, 'users')).toBe(1);
		expect(await count(ctx.db, 'teacherCampuses')).toBe(1);
		const after = await outboxFor(ctx.db, 'lies@school.be');
		expect(after).toHaveLength(mails + 1);
		expect(after[0].template).toBe('register_existing'); // newest first
		expect(after[0].bodyText).toContain('voeg je toe in Mijn account');
		// A wrong code still says the code is wrong first, as before.
		expect(keyOf(await registerTeacher(ctx.db, { ...input, inviteCode: 'ZZZZZZZZZZZZ' }).catch((e) => e))).toBe('error_invite_code_unknown@inviteCode');
	});

	it('lists the classes of archived editions, newest first, with their certificate state', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const colleague = await teacherAt(ctx.db, 'wout@school.be', { id: campusId });
		const stranger = await teacherAt(ctx.db, 'sami@school.be');
		const old = await createEdition(ctx.db, { year: 2025 });
		const last = await createEdition(ctx.db, { year: 2026 });
		const current = await createEdition(ctx.db, { year: 2027 });
		const enrol = async (who: typeof actor, editionId: number, campus: number, name: string) =>
			(await enrolClass(ctx.db, who, aClass(editionId, campus, name))).classId;
		const old5A = await enrol(actor, old, campusId, '5A');
		const last6A = await enrol(actor, last, campusId, '6A');
		const last5B = await enrol(colleague.actor, last, campusId, '5B');
		const lastGone = await enrol(actor, last, campusId, '6B');
		await withdrawClass(ctx.db, actor, lastGone);
		await enrol(stranger.actor, last, stranger.campusId, '6A');
		await enrol(actor, current, campusId, '6A');
		const revoked = await getOrIssueClassCertificate(ctx.db, coordinator, last5B);
		await revokeCertificate(ctx.db, coordinator, revoked.id, null);
		await ctx.db.updateTable('editions').set({ status: 'archived' }).where('id', 'in', [old, last]).execute();

		const past = await pastClassesOfTeacher(ctx.db, actor.id, 1);
		expect(past.editions.map((e) => e.year)).toEqual([2026, 2025]);
		expect(past.editions[0].classes.map((c) => [c.name, c.certificate])).toEqual([
			['5B', 'revoked'],
			['6A', 'available']
		]);
		expect(past.editions[1].classes.map((c) => [c.id, c.certificate])).toEqual([[old5A, 'available']]);
		expect(past.pages).toBe(1);
		// What the list offers, the download gives.
		await expect(getOrIssueClassCertificate(ctx.db, actor, last6A)).resolves.toMatchObject({ kind: 'class', facts: { className: '6A', editionYear: 2026 } });
		// A teacher who left the campus no longer has its history.
		await leaveCampus(ctx.db, actor, campusId);
		expect((await pastClassesOfTeacher(ctx.db, actor.id, 1)).editions).toEqual([]);
	});

	it('shows a page of archived editions at a time', async () => {
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
		for (const year of years) {
			const editionId = await createEdition(ctx.db, { year });
			await enrolClass(ctx.db, actor, aClass(editionId, campusId, `5A`));
		}
		await ctx.db.updateTable('editions').set({ status: 'archived' }).execute();
		const first = await pastClassesOfTeacher(ctx.db, actor.id, 1);
		const second = await pastClassesOfTeacher(ctx.db, actor.id, 2);
		expect(first.pages).toBe(2);
		expect(first.editions.map((e) => e.year)).toEqual([2025, 2024, 2023, 2022, 2021]);
		expect(second.editions.map((e) => e.year)).toEqual([2020, 2019]);
		expect((await pastClassesOfTeacher(ctx.db, actor.id, 9)).page).toBe(2);
	});
});
