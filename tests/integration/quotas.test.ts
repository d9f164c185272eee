import { expect, it } from 'vitest';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { setQuotas } from '../../src/lib/server/enrolments/quota-change.service';
import { moveToWaitingList, prioritise } from '../../src/lib/server/enrolments/waiting-list.service';
import { waitingPosition } from '../../src/lib/server/enrolments/class.repository';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { outboxFor } from './support/fixtures';
import { aClass, coordinatorActor, createEdition, statuses, teacherAt } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.messageKey
	);

describeEachDatabase('quotas and the waiting list', (dialect) => {
	const ctx = useDatabase(dialect);

	it('puts classes on the waiting list once the edition is full, and a withdrawal promotes the first one with a mail', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 2 });
		const a = await teacherAt(ctx.db, 'a@school.be');
		const b = await teacherAt(ctx.db, 'b@school.be');
		const first = await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, '5A'));
		await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, '5B'));
		const waiting = await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, '6A'));
		expect(waiting).toMatchObject({ status: 'waiting', position: 1 });
		const promoted = await withdrawClass(ctx.db, a.actor, first.classId);
		expect(promoted.map((p) => p.classId)).toEqual([waiting.classId]);
		expect((await statuses(ctx.db, editionId)).map((c) => [c.name, c.status])).toEqual([
			['5A', 'withdrawn'],
			['5B', 'enrolled'],
			['6A', 'enrolled']
		]);
		const [mail] = await outboxFor(ctx.db, 'b@school.be');
		expect(mail.template).toBe('class_promoted');
		const audit = await ctx.db.selectFrom('auditLog').select('action').where('entityId', '=', String(waiting.classId)).orderBy('id').execute();
		expect(audit.map((x) => x.action)).toEqual(['class.waitlisted', 'class.promoted']);
	});

	it('promotes the first eligible class: one whose campus is under its own maximum', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 3, maxClassesPerCampus: 2 });
		const a = await teacherAt(ctx.db, 'a@school.be');
		const b = await teacherAt(ctx.db, 'b@school.be');
		const a1 = await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A1'));
		await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A2'));
		const b1 = await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B1'));
		// Campus A is at its maximum and the edition is full: both wait.
		const a3 = await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A3'));
		const b2 = await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B2'));
		expect([a3.status, b2.status]).toEqual(['waiting', 'waiting']);
		// B1 leaves: A3 is first in line but campus A is full, so B2 gets the place.
		const promoted = await withdrawClass(ctx.db, b.actor, b1.classId);
		expect(promoted.map((p) => p.name)).toEqual(['B2']);
		expect(await waitingPosition(ctx.db, editionId, a3.classId)).toBe(1);
		// A1 leaves: now A3 fits.
		expect((await withdrawClass(ctx.db, a.actor, a1.classId)).map((p) => p.name)).toEqual(['A3']);
	});

	it('raising a quota promotes at once, in arrival order; lowering one never demotes', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 1 });
		const t = await teacherAt(ctx.db, 'a@school.be');
		for (const name of ['5A', '5B', '5C', '5D']) await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, name));
		const promoted = await setQuotas(ctx.db, coordinator, editionId, { maxClasses: 3, maxClassesPerCampus: null });
		expect(promoted.map((p) => p.name)).toEqual(['5B', '5C']);
		await setQuotas(ctx.db, coordinator, editionId, { maxClasses: 1, maxClassesPerCampus: null });
		expect((await statuses(ctx.db, editionId)).map((c) => c.status)).toEqual(['enrolled', 'enrolled', 'enrolled', 'waiting']);
		// Over the lowered quota, a withdrawal frees no place for the waiting class.
		const [first] = await statuses(ctx.db, editionId);
		expect(await withdrawClass(ctx.db, t.actor, first.id)).toEqual([]);
		// Removing the maximum promotes everyone.
		expect((await setQuotas(ctx.db, coordinator, editionId, { maxClasses: null, maxClassesPerCampus: null })).map((p) => p.name)).toEqual(['5D']);
	});

	it('lets a coordinator move a class to the waiting list only when another class can use its place', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 1 });
		const t = await teacherAt(ctx.db, 'a@school.be');
		const a = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5A'));
		// Nobody waits: the class would get its place straight back, so nothing changes.
		expect(await keyOf(moveToWaitingList(ctx.db, coordinator, a.classId))).toBe('error_nobody_waiting');
		expect((await statuses(ctx.db, editionId)).map((c) => c.status)).toEqual(['enrolled']);
		const b = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5B'));
		// Moving 5A to the waiting list gives its place to 5B, the first in line.
		const promoted = await moveToWaitingList(ctx.db, coordinator, a.classId);
		expect(promoted.map((p) => p.name)).toEqual(['5B']);
		expect(await waitingPosition(ctx.db, editionId, a.classId)).toBe(1);
		expect((await outboxFor(ctx.db, 'a@school.be')).map((m) => m.template).slice(0, 2)).toEqual(['class_waiting', 'class_promoted']);
		await expect(moveToWaitingList(ctx.db, t.actor, b.classId)).rejects.toMatchObject({ status: 403 });
	});

	it('lets a coordinator give a waiting class priority: the next place goes to it, never beyond the quota', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 1 });
		const t = await teacherAt(ctx.db, 'a@school.be');
		const a = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5A'));
		const b = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5B'));
		const c = await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, '5C'));
		expect(await prioritise(ctx.db, coordinator, c.classId)).toEqual([]);
		expect(await waitingPosition(ctx.db, editionId, c.classId)).toBe(1);
		expect(await waitingPosition(ctx.db, editionId, b.classId)).toBe(2);
		expect((await withdrawClass(ctx.db, t.actor, a.classId)).map((p) => p.name)).toEqual(['5C']);
		expect(await keyOf(prioritise(ctx.db, coordinator, c.classId))).toBe('error_not_waiting');
	});
});
