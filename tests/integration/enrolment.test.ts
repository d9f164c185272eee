import { expect, it } from 'vitest';
import { enrolClass, updateClassDetails, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { waitingPosition } from '../../src/lib/server/enrolments/class.repository';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createCampus, outboxFor } from './support/fixtures';
import { aClass, coordinatorActor, createEdition, statuses, teacherAt } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.messageKey}${e.field ? '@' + e.field : ''}`
	);

describeEachDatabase('class enrolment', (dialect) => {
	const ctx = useDatabase(dialect);

	it("enrols a class of the teacher's campus and confirms it by mail", async () => {
		const editionId = await createEdition(ctx.db);
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const result = await enrolClass(
			ctx.db,
			actor,
			aClass(editionId, campusId, '5B', { preferredHalfDays: [{ localDate: '2027-05-12', part: 'am', field: 'pref1Date' }] })
		);
		expect(result).toMatchObject({ status: 'enrolled', position: null });
		const [mail] = await outboxFor(ctx.db, 'lies@school.be');
		expect(mail.subject).toBe('Ingeschreven: 5B voor PAARS 2027');
		expect(mail.secretLink).toBeNull();
		const days = await ctx.db.selectFrom('classPreferredHalfDays').selectAll().execute();
		expect(days).toEqual([{ classId: result.classId, localDate: '2027-05-12', part: 'am' }]);
		const audit = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'class.enrolled').executeTakeFirstOrThrow();
		expect(audit.actorUserId).toBe(actor.id);
	});

	it('keeps class names unique per campus and edition among active classes, compared normalised', async () => {
		const editionId = await createEdition(ctx.db);
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const first = await enrolClass(ctx.db, actor, aClass(editionId, campusId, '5B'));
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(editionId, campusId, ' 5b ')))).toBe('error_class_name_taken@name');
		await withdrawClass(ctx.db, actor, first.classId);
		// A withdrawn 5B does not block a new 5B.
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(editionId, campusId, '5B')))).toBe('ok');
		// Another campus may have its own 5B.
		const other = await teacherAt(ctx.db, 'an@other.be');
		expect(await keyOf(enrolClass(ctx.db, other.actor, aClass(editionId, other.campusId, '5B')))).toBe('ok');
	});

	it('refuses enrolment outside the window in the service, whatever the page shows', async () => {
		freezeClock('2027-05-01T10:00:00Z');
		const editionId = await createEdition(ctx.db, { opens: '2027-01-01 00:00:00.000', closes: '2027-04-30 22:00:00.000' });
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(editionId, campusId)))).toBe('error_enrolment_closed');
		const notYet = await createEdition(ctx.db, { year: 2028, opens: '2027-09-01 00:00:00.000', closes: '2028-04-30 22:00:00.000' });
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(notYet, campusId)))).toBe('error_enrolment_closed');
		expect(await count(ctx.db, 'classes')).toBe(0);
		// A coordinator may still enrol on a teacher's behalf after the window.
		const coordinator = await coordinatorActor(ctx.db);
		expect(await keyOf(enrolClass(ctx.db, coordinator, aClass(editionId, campusId, '6A', { onBehalfOf: actor.id })))).toBe('ok');
	});

	it('refuses a draft or archived edition, a campus the teacher is not linked to, and grades the edition or campus does not offer', async () => {
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const draft = await createEdition(ctx.db, { status: 'draft', year: 2030 });
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(draft, campusId)))).toBe('error_edition_not_published');
		const editionId = await createEdition(ctx.db);
		const foreign = await createCampus(ctx.db, { name: 'Elders' });
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(editionId, foreign.id)))).toBe('error_not_your_campus');
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(editionId, campusId, '1K', { grade: 'K1' })))).toBe('error_grade_not_offered@grade');
		const kleuterOnly = await createEdition(ctx.db, { year: 2031, grades: ['K1', 'K2'] });
		expect(await keyOf(enrolClass(ctx.db, actor, aClass(kleuterOnly, campusId, '1K', { grade: 'K1' })))).toBe('error_grade_not_at_campus@grade');
		expect(
			await keyOf(
				enrolClass(ctx.db, actor, aClass(editionId, campusId, '5B', { preferredHalfDays: [{ localDate: '2027-09-01', part: 'pm', field: 'pref2Date' }] }))
			)
		).toBe('error_half_day_outside_period@pref2Date');
		expect(await count(ctx.db, 'classes')).toBe(0);
	});

	it('lets only the teacher who enrolled a class change it; colleagues of the campus cannot', async () => {
		const editionId = await createEdition(ctx.db);
		const owner = await teacherAt(ctx.db, 'lies@school.be');
		const colleague = await teacherAt(ctx.db, 'tom@school.be', { id: owner.campusId });
		const { classId } = await enrolClass(ctx.db, owner.actor, aClass(editionId, owner.campusId));
		expect(await keyOf(withdrawClass(ctx.db, colleague.actor, classId))).toBe('error_not_your_class');
		expect(await keyOf(updateClassDetails(ctx.db, colleague.actor, classId, { ...aClass(editionId, owner.campusId), pupilCount: 3 }))).toBe(
			'error_not_your_class'
		);
		await updateClassDetails(ctx.db, owner.actor, classId, { ...aClass(editionId, owner.campusId, '5C'), pupilCount: 25 });
		const row = await ctx.db.selectFrom('classes').selectAll().where('id', '=', classId).executeTakeFirstOrThrow();
		expect([row.name, row.pupilCount]).toEqual(['5C', 25]);
	});

	it('after enrolment closes, only a coordinator can change or withdraw a class', async () => {
		const advance = freezeClock('2027-03-01T10:00:00Z');
		const editionId = await createEdition(ctx.db, { opens: '2027-01-01 00:00:00.000', closes: '2027-04-01 00:00:00.000' });
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const { classId } = await enrolClass(ctx.db, actor, aClass(editionId, campusId));
		advance(40 * 86_400_000);
		expect(await keyOf(withdrawClass(ctx.db, actor, classId))).toBe('error_enrolment_closed');
		const coordinator = await coordinatorActor(ctx.db);
		const other = await createCampus(ctx.db, { name: 'Campus Heule', levels: ['lager'] });
		await updateClassDetails(ctx.db, coordinator, classId, { ...aClass(editionId, campusId), pupilCount: 19, campusId: other.id });
		const row = await ctx.db.selectFrom('classes').selectAll().where('id', '=', classId).executeTakeFirstOrThrow();
		expect([row.campusId, row.pupilCount]).toEqual([other.id, 19]);
		const audit = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'class.updated').executeTakeFirstOrThrow();
		expect(JSON.parse(audit.beforeJson!)).toMatchObject({ pupilCount: 22, campusId });
		expect(JSON.parse(audit.afterJson!)).toMatchObject({ pupilCount: 19, campusId: other.id });
		await withdrawClass(ctx.db, coordinator, classId);
		expect((await statuses(ctx.db, editionId))[0].status).toBe('withdrawn');
	});

	it('derives consecutive waiting-list positions from arrival order', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 1 });
		const { actor, campusId } = await teacherAt(ctx.db, 'lies@school.be');
		const results = [];
		for (const name of ['5A', '5B', '5C', '5D']) results.push(await enrolClass(ctx.db, actor, aClass(editionId, campusId, name)));
		expect(results.map((r) => [r.status, r.position])).toEqual([
			['enrolled', null],
			['waiting', 1],
			['waiting', 2],
			['waiting', 3]
		]);
		await withdrawClass(ctx.db, actor, results[2].classId); // 5C leaves the list
		expect(await waitingPosition(ctx.db, editionId, results[3].classId)).toBe(2);
		const [withdrawn, mail] = await outboxFor(ctx.db, 'lies@school.be');
		expect(withdrawn.subject).toMatch(/^Uitgeschreven: 5C voor PAARS 2027 · /);
		expect(mail.subject).toBe('Wachtlijst: 5D voor PAARS 2027');
		expect(mail.bodyText).toContain('op plaats 3');
	});

	it('lets a coordinator enrol on behalf of a teacher of that campus only; the teacher gets the mail and owns the class', async () => {
		const editionId = await createEdition(ctx.db);
		const coordinator = await coordinatorActor(ctx.db);
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const other = await teacherAt(ctx.db, 'an@other.be');
		expect(await keyOf(enrolClass(ctx.db, coordinator, aClass(editionId, lies.campusId, '5A', { onBehalfOf: other.actor.id })))).toBe(
			'v_choose_option@onBehalfOf'
		);
		const { classId } = await enrolClass(ctx.db, coordinator, aClass(editionId, lies.campusId, '5A', { onBehalfOf: lies.actor.id }));
		const row = await ctx.db.selectFrom('classes').select('enrolledBy').where('id', '=', classId).executeTakeFirstOrThrow();
		expect(row.enrolledBy).toBe(lies.actor.id);
		expect((await outboxFor(ctx.db, 'lies@school.be')).map((m) => m.template)).toEqual(['class_enrolled']);
		// The owner can now change it herself.
		await updateClassDetails(ctx.db, lies.actor, classId, { ...aClass(editionId, lies.campusId, '5A'), pupilCount: 12 });
	});
});
