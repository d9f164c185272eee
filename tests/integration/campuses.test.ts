import { expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/actor';
import { campusDetail } from '../../src/lib/server/campuses/campus-detail.service';
import { campusListPage } from '../../src/lib/server/campuses/campus-list.service';
import { createCampus, deactivateCampus, updateCampus } from '../../src/lib/server/campuses/campus.service';
import { createSchool, deactivateSchool, schoolDetail, schoolListPage, updateSchool } from '../../src/lib/server/campuses/school.service';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { nowDb } from '../../src/lib/server/db/time';
import { textKey } from '../../src/lib/server/db/keys';
import { registerTeacher } from '../../src/lib/server/users/registration.service';
import type { NewCampusInput } from '../../src/lib/schemas/campus';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { goodPassword } from './support/fixtures';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.messageKey}${e.field ? '@' + e.field : ''}`
	);

const campusInput = (schoolId: number, extra: Partial<NewCampusInput> = {}): NewCampusInput => ({
	schoolId,
	name: 'Campus Centrum',
	street: 'Grote Markt 1',
	postalCode: '8500',
	city: 'Kortrijk',
	levels: ['kleuter', 'lager'],
	contactName: 'Els Peeters',
	contactEmail: 'els@school.be',
	contactPhone: '056 12 34 56',
	...extra
});

const register = (db: Parameters<typeof registerTeacher>[0], inviteCode: string, email: string) =>
	registerTeacher(db, { displayName: 'Lies', email, password: goodPassword, inviteCode, locale: 'nl', address: '10.0.0.1' });

describeEachDatabase('schools and campuses', (dialect) => {
	const ctx = useDatabase(dialect);
	const auditOf = (action: string) => ctx.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('id').execute();
	const campusRow = (id: number) => ctx.db.selectFrom('campuses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	it('creates a school, refuses its instellingsnummer to a second school, and audits the creation', async () => {
		const actor = await coordinatorActor(ctx.db);
		const id = await createSchool(ctx.db, actor, { name: 'Sint-Jozefscollège', instellingsnummer: '126847' });
		expect(await keyOf(createSchool(ctx.db, actor, { name: 'Andere school', instellingsnummer: '126847' }))).toBe(
			'cp_error_instellingsnummer_taken@instellingsnummer'
		);
		const [entry] = await auditOf('school.created');
		expect([entry.actorUserId, entry.entityId, JSON.parse(entry.afterJson!)]).toEqual([
			actor.id,
			String(id),
			{ name: 'Sint-Jozefscollège', instellingsnummer: '126847' }
		]);
		// Deactivated schools keep their number too: the message says whose it is.
		await deactivateSchool(ctx.db, actor, id);
		expect(await keyOf(createSchool(ctx.db, actor, { name: 'Nieuw', instellingsnummer: '126847' }))).toBe(
			'cp_error_instellingsnummer_inactive@instellingsnummer'
		);
	});

	it('edits a school, keeps numbers unique, and records before and after', async () => {
		const actor = await coordinatorActor(ctx.db);
		const a = await createSchool(ctx.db, actor, { name: 'School A', instellingsnummer: '111' });
		await createSchool(ctx.db, actor, { name: 'School B', instellingsnummer: '222' });
		expect(await keyOf(updateSchool(ctx.db, actor, a, { name: 'School A', instellingsnummer: '222' }))).toBe(
			'cp_error_instellingsnummer_taken@instellingsnummer'
		);
		await updateSchool(ctx.db, actor, a, { name: 'School Aa', instellingsnummer: '333' });
		const detail = await schoolDetail(ctx.db, a);
		expect([detail?.name, detail?.instellingsnummer]).toEqual(['School Aa', '333']);
		const [entry] = await auditOf('school.updated');
		expect([JSON.parse(entry.beforeJson!), JSON.parse(entry.afterJson!)]).toEqual([
			{ name: 'School A', instellingsnummer: '111' },
			{ name: 'School Aa', instellingsnummer: '333' }
		]);
	});

	it('lists schools searched by name or number, with their active campuses counted, a page at a time', async () => {
		const actor = await coordinatorActor(ctx.db);
		const ids: number[] = [];
		for (let i = 1; i <= 30; i++)
			ids.push(await createSchool(ctx.db, actor, { name: `School ${String(i).padStart(2, '0')}`, instellingsnummer: String(1000 + i) }));
		const kept = await createCampus(ctx.db, actor, campusInput(ids[0], { name: 'Noord' }));
		const gone = await createCampus(ctx.db, actor, campusInput(ids[0], { name: 'Zuid' }));
		await createCampus(ctx.db, actor, campusInput(ids[0], { name: 'Oost' }));
		await deactivateCampus(ctx.db, actor, gone);
		const first = await schoolListPage(ctx.db, { search: '', page: 1, limit: 25, offset: 0 });
		expect([first.total, first.pages, first.rows.length]).toEqual([30, 2, 25]);
		expect(first.rows[0]).toMatchObject({ name: 'School 01', campusCount: 2 });
		expect(first.rows[1]).toMatchObject({ name: 'School 02', campusCount: 0 });
		expect((await schoolListPage(ctx.db, { search: '1007', page: 1, limit: 25, offset: 0 })).rows.map((r) => r.name)).toEqual(['School 07']);
		expect((await schoolListPage(ctx.db, { search: ' SCHOOL 1', page: 1, limit: 25, offset: 0 })).total).toBe(10);
		// LIKE wildcards in a search are plain text.
		expect((await schoolListPage(ctx.db, { search: 'School_0', page: 1, limit: 25, offset: 0 })).total).toBe(0);
		expect((await schoolListPage(ctx.db, { search: '%', page: 1, limit: 25, offset: 0 })).total).toBe(0);
		await deactivateSchool(ctx.db, actor, ids[1]);
		expect((await schoolListPage(ctx.db, { search: '', page: 1, limit: 25, offset: 0 })).total).toBe(29);
		expect(kept).toBeGreaterThan(0);
	});

	it('creates a campus with its levels and a working invite code, and audits it', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		const id = await createCampus(ctx.db, actor, campusInput(schoolId));
		const detail = await campusDetail(ctx.db, id);
		expect(detail?.campus).toMatchObject({
			name: 'Campus Centrum',
			schoolName: 'Sint-Jozef',
			levels: ['kleuter', 'lager'],
			active: true,
			contactEmail: 'els@school.be'
		});
		expect(detail?.campus.inviteCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
		const [entry] = await auditOf('campus.created');
		expect([entry.entityId, JSON.parse(entry.afterJson!).levels]).toEqual([String(id), ['kleuter', 'lager']]);
		expect(await keyOf(register(ctx.db, detail!.campus.inviteCode, 'lies@school.be'))).toBe('ok');
	});

	it('keeps campus names unique per school among active campuses, compared normalised', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		const other = await createSchool(ctx.db, actor, { name: 'Andere', instellingsnummer: '999' });
		const first = await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'Campus Zoë' }));
		expect(await keyOf(createCampus(ctx.db, actor, campusInput(schoolId, { name: ' campus  zoe\u0308 ' })))).toBe('cp_error_campus_name_taken@name');
		expect(await keyOf(createCampus(ctx.db, actor, campusInput(other, { name: 'Campus Zoë' })))).toBe('ok');
		await deactivateCampus(ctx.db, actor, first);
		expect(await keyOf(createCampus(ctx.db, actor, campusInput(schoolId, { name: 'Campus Zoë' })))).toBe('ok');
		// A deactivated school takes no new campuses.
		await deactivateSchool(ctx.db, actor, other);
		expect(await keyOf(createCampus(ctx.db, actor, campusInput(other, { name: 'Nieuw' })))).toBe('cp_error_school_unknown@schoolId');
		expect(await keyOf(createCampus(ctx.db, actor, campusInput(987654, { name: 'Nieuw' })))).toBe('cp_error_school_unknown@schoolId');
	});

	it('edits a campus: address, levels and contact change, the code stays, the change is audited', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		const id = await createCampus(ctx.db, actor, campusInput(schoolId));
		const other = await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'Campus Zuid' }));
		const before = await campusRow(id);
		expect(await keyOf(updateCampus(ctx.db, actor, id, { ...campusInput(schoolId), name: 'campus zuid' }))).toBe('cp_error_campus_name_taken@name');
		await updateCampus(ctx.db, actor, id, {
			...campusInput(schoolId),
			name: 'Campus Noord',
			street: 'Noordstraat 2',
			levels: ['secundair'],
			contactEmail: null
		});
		const detail = await campusDetail(ctx.db, id);
		expect(detail?.campus).toMatchObject({
			name: 'Campus Noord',
			street: 'Noordstraat 2',
			levels: ['secundair'],
			contactEmail: null,
			inviteCode: before.inviteCode
		});
		const [entry] = await auditOf('campus.updated');
		expect(JSON.parse(entry.beforeJson!)).toMatchObject({ name: 'Campus Centrum', levels: ['kleuter', 'lager'] });
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ name: 'Campus Noord', levels: ['secundair'] });
		expect(other).toBeGreaterThan(0);
	});

	it("stops a deactivated campus's code from registering anyone, and audits the deactivation", async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		const id = await createCampus(ctx.db, actor, campusInput(schoolId));
		const { inviteCode } = await campusRow(id);
		await deactivateCampus(ctx.db, actor, id);
		expect(await keyOf(register(ctx.db, inviteCode, 'lies@school.be'))).toBe('error_invite_code_unknown@inviteCode');
		expect((await campusRow(id)).active).toBeNull();
		expect(await auditOf('campus.deactivated')).toHaveLength(1);
		expect(await keyOf(updateCampus(ctx.db, actor, id, campusInput(schoolId)))).toBe('cp_error_campus_inactive');
	});

	it('deactivates a school with all its campuses in one go; their codes stop working', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		const a = await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'A' }));
		const b = await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'B' }));
		const elsewhere = await createCampus(ctx.db, actor, campusInput(await createSchool(ctx.db, actor, { name: 'X', instellingsnummer: '5' }), { name: 'A' }));
		expect(await deactivateSchool(ctx.db, actor, schoolId)).toEqual({ campuses: 2 });
		expect([(await campusRow(a)).active, (await campusRow(b)).active, (await campusRow(elsewhere)).active]).toEqual([null, null, 1]);
		expect(await keyOf(register(ctx.db, (await campusRow(b)).inviteCode, 'lies@school.be'))).toBe('error_invite_code_unknown@inviteCode');
		const [entry] = await auditOf('school.deactivated');
		expect(JSON.parse(entry.afterJson!).campusIds.sort()).toEqual([a, b].sort());
		expect(await keyOf(updateSchool(ctx.db, actor, schoolId, { name: 'Nieuw', instellingsnummer: '126847' }))).toBe('cp_error_school_inactive');
	});

	it('lets only coordinators change schools and campuses', async () => {
		const teacher: Actor = { id: 1, displayName: 'Lies', roles: ['teacher', 'trainer'] };
		expect(await keyOf(createSchool(ctx.db, teacher, { name: 'X', instellingsnummer: '1' }))).toBe('error_forbidden');
		expect(await keyOf(createCampus(ctx.db, teacher, campusInput(1)))).toBe('error_forbidden');
		expect(await keyOf(deactivateSchool(ctx.db, teacher, 1))).toBe('error_forbidden');
		expect(await keyOf(deactivateCampus(ctx.db, teacher, 1))).toBe('error_forbidden');
	});

	it('filters the campus list by level and search', async () => {
		const actor = await coordinatorActor(ctx.db);
		const schoolId = await createSchool(ctx.db, actor, { name: 'Sint-Jozef', instellingsnummer: '126847' });
		await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'Kleuters', levels: ['kleuter'] }));
		await createCampus(ctx.db, actor, campusInput(schoolId, { name: 'Secundair', levels: ['secundair'], city: 'Heule' }));
		const list = (q: { search?: string; level?: string }) => campusListPage(ctx.db, { search: q.search ?? '', level: q.level, page: 1, limit: 25, offset: 0 });
		expect((await list({ level: 'secundair' })).rows.map((r) => r.name)).toEqual(['Secundair']);
		expect((await list({ level: 'nonsense' })).total).toBe(2);
		expect((await list({ search: 'heule' })).rows.map((r) => r.name)).toEqual(['Secundair']);
		expect((await list({ search: 'sint-jozef', level: 'kleuter' })).rows.map((r) => [r.name, r.levels])).toEqual([['Kleuters', ['kleuter']]]);
	});

	it("shows a campus's teachers, its classes in current editions, and its history per edition counted in SQL", async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const current = await createEdition(ctx.db, { maxClassesPerCampus: 2, year: 2027 });
		const archived = await createEdition(ctx.db, { status: 'archived', year: 2026 });
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		await enrolClass(ctx.db, actor, aClass(current, campusId, '5A', { pupilCount: 20 }));
		const b = await enrolClass(ctx.db, actor, aClass(current, campusId, '5B', { pupilCount: 21 }));
		await enrolClass(ctx.db, actor, aClass(current, campusId, '6A', { grade: 'L6' }));
		await enrolClass(ctx.db, actor, aClass(current, campusId, '6B', { grade: 'L6' }));
		await withdrawClass(ctx.db, actor, b.classId);
		const now = nowDb();
		for (const [name, status, pupils] of [
			['4A', 'enrolled', 18],
			['4B', 'enrolled', 19],
			['4C', 'withdrawn', 25]
		] as const) {
			await ctx.db
				.insertInto('classes')
				.values({
					editionId: archived,
					campusId,
					name,
					nameKey: textKey(name),
					grade: 'L4',
					level: 'lager',
					pupilCount: pupils,
					language: 'nl',
					remarks: null,
					status,
					active: status === 'withdrawn' ? null : 1,
					queuedAt: now,
					enrolledBy: actor.id,
					withdrawnAt: null,
					createdAt: now,
					updatedAt: now
				})
				.execute();
		}
		const detail = await campusDetail(ctx.db, campusId);
		expect(detail?.teachers.map((t) => t.email)).toEqual(['lies@school.be']);
		// 5B's withdrawal promoted 6A; 6B waits first in line.
		expect(detail?.classes.map((c) => [c.name, c.status, c.waitingPosition])).toEqual([
			['5A', 'enrolled', null],
			['5B', 'withdrawn', null],
			['6A', 'enrolled', null],
			['6B', 'waiting', 1]
		]);
		expect(detail?.history.map((h) => [h.year, h.enrolled, h.waiting, h.withdrawn, h.pupils])).toEqual([
			[2027, 2, 1, 1, 42],
			[2026, 2, 0, 1, 37]
		]);
		expect(coordinator.id).toBeGreaterThan(0);
	});
});
