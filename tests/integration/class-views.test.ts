import { expect, it } from 'vitest';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { classForViewer } from '../../src/lib/server/enrolments/enrol-form.service';
import { classesPerPage, teacherHome } from '../../src/lib/server/enrolments/teacher-home.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { createCampus } from './support/fixtures';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';

describeEachDatabase('what teachers see of classes', (dialect) => {
	const ctx = useDatabase(dialect);

	it("shows a teacher their own classes (editable) and colleagues' classes of the same campus (read-only), never another campus", async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 2 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const tom = await teacherAt(ctx.db, 'tom@school.be', { id: lies.campusId });
		const elsewhere = await teacherAt(ctx.db, 'an@elders.be');
		await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'));
		const tomsClass = await enrolClass(ctx.db, tom.actor, aClass(editionId, tom.campusId, '5B'));
		const foreign = await enrolClass(ctx.db, elsewhere.actor, aClass(editionId, elsewhere.campusId, '6A'));
		const home = await teacherHome(ctx.db, lies.actor.id);
		expect(home.myClasses.map((c) => [c.name, c.status, c.position])).toEqual([['5A', 'enrolled', null]]);
		expect(home.colleagueClasses.map((c) => [c.name, c.enrolledByName])).toEqual([['5B', 'tom']]);
		expect(home.editions.map((e) => e.id)).toEqual([editionId]);
		const seen = await classForViewer(ctx.db, lies.actor, tomsClass.classId);
		expect([seen.editable, seen.mine]).toEqual([false, false]);
		await expect(classForViewer(ctx.db, lies.actor, foreign.classId)).rejects.toMatchObject({ status: 404 });
		await expect(classForViewer(ctx.db, lies.actor, 999_999)).rejects.toMatchObject({ status: 404 });
		const coordinator = await coordinatorActor(ctx.db);
		expect((await classForViewer(ctx.db, coordinator, foreign.classId)).position).toBe(1);
	});

	it("shows only published editions meant for the levels of the teacher's campuses", async () => {
		const kleuter = await createCampus(ctx.db, { name: 'Kleuterschool', levels: ['kleuter'] });
		const teacher = await teacherAt(ctx.db, 'k@school.be', kleuter);
		await createEdition(ctx.db, { year: 2027, grades: ['S1', 'S2'] });
		const forKleuter = await createEdition(ctx.db, { year: 2028, grades: ['K2', 'K3', 'L1'] });
		await createEdition(ctx.db, { year: 2029, grades: ['K3'], status: 'draft' });
		expect((await teacherHome(ctx.db, teacher.actor.id)).editions.map((e) => e.id)).toEqual([forKleuter]);
	});

	it("shows a teacher with many classes their own and their colleagues' a page at a time", async () => {
		const editionId = await createEdition(ctx.db, {});
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const tom = await teacherAt(ctx.db, 'tom@school.be', { id: lies.campusId });
		for (let i = 0; i < classesPerPage + 2; i++) await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, `5-${String(i).padStart(2, '0')}`));
		await enrolClass(ctx.db, tom.actor, aClass(editionId, tom.campusId, '6A'));
		const first = await teacherHome(ctx.db, lies.actor.id);
		expect(first.myClasses).toHaveLength(classesPerPage);
		expect(first.classPages).toEqual({ mine: { page: 1, pages: 2 }, colleagues: { page: 1, pages: 1 } });
		const second = await teacherHome(ctx.db, lies.actor.id, { mine: 2, colleagues: 1 });
		expect(second.myClasses.map((c) => c.name)).toEqual([`5-${classesPerPage}`, `5-${classesPerPage + 1}`]);
		expect(second.colleagueClasses.map((c) => [c.name, c.enrolledByName])).toEqual([['6A', 'tom']]);
		// A page past the end shows the last one.
		expect((await teacherHome(ctx.db, lies.actor.id, { mine: 9, colleagues: 1 })).classPages.mine.page).toBe(2);
	});
});
