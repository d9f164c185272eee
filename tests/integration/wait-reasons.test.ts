import { expect, it } from 'vitest';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { teacherHome } from '../../src/lib/server/enrolments/teacher-home.service';
import * as m from '../../src/lib/paraglide/messages';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, createEdition, teacherAt } from './support/enrolment-fixtures';

/** Issue 12, point 10: "full" says which limit, the campus's own maximum or the edition's total. */
describeEachDatabase('which limit puts a class on the waiting list', (dialect) => {
	const ctx = useDatabase(dialect);

	const waitingOf = async (userId: number) =>
		(await teacherHome(ctx.db, userId)).myClasses.filter((c) => c.status === 'waiting').map((c) => ({ name: c.name, waitReason: c.waitReason }));

	it('tells a class whose campus reached its own maximum that the campus is full, while another campus still enrols', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 10, maxClassesPerCampus: 1 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const other = await teacherAt(ctx.db, 'an@other.be');
		expect(await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'))).toMatchObject({ status: 'enrolled', reason: null });
		const second = await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5B'));
		expect(second).toMatchObject({ status: 'waiting', position: 1, reason: 'campus' });
		expect(await enrolClass(ctx.db, other.actor, aClass(editionId, other.campusId, '6A'))).toMatchObject({ status: 'enrolled' });
		expect(await waitingOf(lies.actor.id)).toEqual([{ name: '5B', waitReason: 'campus' }]);
		// What the teacher reads after enrolling (the notice) and on the start page's badge.
		const notice = m.fe_enrol_waiting_campus({ name: '5B', edition: 'PAARS 2027', position: 1 }, { locale: 'nl' });
		expect(notice).toContain('Je campus heeft haar eigen maximum');
		expect(notice).not.toContain('is volzet');
		expect(m.fe_enrol_waiting_campus({ name: '5B', edition: 'PAARS 2027', position: 1 }, { locale: 'en' })).toContain(
			'Your campus has reached its own maximum'
		);
		const audit = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'class.waitlisted').executeTakeFirstOrThrow();
		expect(JSON.parse(audit.afterJson!)).toMatchObject({ status: 'waiting', reason: 'campus' });
	});

	it("tells a class refused by the edition's total that the edition is full", async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 1, maxClassesPerCampus: 5 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const other = await teacherAt(ctx.db, 'an@other.be');
		await enrolClass(ctx.db, other.actor, aClass(editionId, other.campusId, '6A'));
		expect(await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'))).toMatchObject({ status: 'waiting', reason: 'edition' });
		expect(await waitingOf(lies.actor.id)).toEqual([{ name: '5A', waitReason: 'edition' }]);
		expect(m.enrol_done_waiting({ name: '5A', edition: 'PAARS 2027', position: 1 }, { locale: 'nl' })).toContain('PAARS 2027 is volzet');
	});

	it('names the campus when both limits are reached (a place elsewhere would not help), and follows the counts as they change', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 2, maxClassesPerCampus: 1 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const other = await teacherAt(ctx.db, 'an@other.be');
		const a = await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'));
		await enrolClass(ctx.db, other.actor, aClass(editionId, other.campusId, '6A'));
		expect(await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5B'))).toMatchObject({ reason: 'campus' });
		expect(await enrolClass(ctx.db, other.actor, aClass(editionId, other.campusId, '6B'))).toMatchObject({ reason: 'campus' });
		const third = await teacherAt(ctx.db, 'tom@derde.be');
		expect(await enrolClass(ctx.db, third.actor, aClass(editionId, third.campusId, '4A'))).toMatchObject({ reason: 'edition' });
		// 5A withdraws: 5B takes the place; 4A now waits on the edition's total, 6B on its campus.
		await withdrawClass(ctx.db, lies.actor, a.classId);
		expect(await waitingOf(third.actor.id)).toEqual([{ name: '4A', waitReason: 'edition' }]);
		expect(await waitingOf(other.actor.id)).toEqual([{ name: '6B', waitReason: 'campus' }]);
	});
});
