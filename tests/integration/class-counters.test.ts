import { expect, it, vi } from 'vitest';
import { checkClassCounters } from '../../src/lib/server/enrolments/class-counters.service';
import { readEnrolled } from '../../src/lib/server/enrolments/class-counters.repository';
import { enrolClass, updateClassDetails, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { setQuotas } from '../../src/lib/server/enrolments/quota-change.service';
import { moveToWaitingList, prioritise } from '../../src/lib/server/enrolments/waiting-list.service';
import { checkClassCountersIfDue } from '../../src/lib/server/jobs/counter-check-job';
import { logger } from '../../src/lib/server/log';
import * as editionCounters from '../../db/migrations/2026-12-06T1200_create_edition_class_counters';
import * as campusCounters from '../../db/migrations/2026-12-06T1201_create_campus_class_counters';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';

/**
 * The enrolled counters that quota checks read instead of counting the edition:
 * every path that changes a class keeps them equal to a recount, and the daily
 * check finds and repairs a counter that drifted anyway.
 */
describeEachDatabase('enrolled counters', (dialect) => {
	const ctx = useDatabase(dialect);

	it('follow enrolment, withdrawal, promotion, a move of campus, the waiting list and quota changes', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 3, maxClassesPerCampus: 2 });
		const a = await teacherAt(ctx.db, 'a@school.be');
		const b = await teacherAt(ctx.db, 'b@school.be');
		const a1 = await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A1'));
		await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A2'));
		const a3 = await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A3'));
		expect(a3.status).toBe('waiting');
		expect(await readEnrolled(ctx.db, editionId, a.campusId)).toEqual({ edition: 2, campus: 2 });
		const b1 = await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B1'));
		expect(await readEnrolled(ctx.db, editionId, b.campusId)).toEqual({ edition: 3, campus: 1 });
		// The coordinator moves A1 to campus B: its place moves along (the edition stays full, A3 waits).
		await updateClassDetails(ctx.db, coordinator, a1.classId, { ...aClass(editionId, a.campusId, 'A1'), campusId: b.campusId });
		expect(await readEnrolled(ctx.db, editionId, a.campusId)).toEqual({ edition: 3, campus: 1 });
		expect(await readEnrolled(ctx.db, editionId, b.campusId)).toEqual({ edition: 3, campus: 2 });
		// B1 leaves: A3 gets the place.
		expect((await withdrawClass(ctx.db, b.actor, b1.classId)).map((p) => p.classId)).toEqual([a3.classId]);
		expect(await readEnrolled(ctx.db, editionId, a.campusId)).toEqual({ edition: 3, campus: 2 });
		await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B2'));
		await moveToWaitingList(ctx.db, coordinator, a3.classId).catch(() => []);
		await prioritise(ctx.db, coordinator, a3.classId).catch(() => []);
		await setQuotas(ctx.db, coordinator, editionId, { maxClasses: null, maxClassesPerCampus: null });
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
		const enrolled = await ctx.db.selectFrom('classes').select('id').where('editionId', '=', editionId).where('status', '=', 'enrolled').execute();
		expect((await readEnrolled(ctx.db, editionId, a.campusId)).edition).toBe(enrolled.length);
	});

	it('are filled from the existing classes when the migrations run on a database that has them', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db, { maxClasses: 3 });
		const empty = await createEdition(ctx.db, { year: 2028 });
		const a = await teacherAt(ctx.db, 'a@school.be');
		const b = await teacherAt(ctx.db, 'b@school.be');
		for (const name of ['A1', 'A2']) await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, name));
		const b1 = await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B1'));
		await enrolClass(ctx.db, b.actor, aClass(editionId, b.campusId, 'B2'));
		await withdrawClass(ctx.db, coordinator, b1.classId);
		await campusCounters.down(ctx.db);
		await editionCounters.down(ctx.db);
		await editionCounters.up(ctx.db);
		await campusCounters.up(ctx.db);
		expect(await readEnrolled(ctx.db, editionId, a.campusId)).toEqual({ edition: 3, campus: 2 });
		expect(await readEnrolled(ctx.db, editionId, b.campusId)).toEqual({ edition: 3, campus: 1 });
		expect(await readEnrolled(ctx.db, empty, a.campusId)).toEqual({ edition: 0, campus: 0 });
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
		expect((await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A3'))).status).toBe('waiting');
	});

	it('the daily check logs a drifted counter and repairs it, so the quota holds again', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 2 });
		const a = await teacherAt(ctx.db, 'a@school.be');
		await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A1'));
		await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A2'));
		// A write that bypassed the repository: the counters now say there is room.
		await ctx.db.updateTable('editionClassCounters').set({ enrolled: 0 }).where('editionId', '=', editionId).execute();
		await ctx.db.updateTable('campusClassCounters').set({ enrolled: 5 }).where('editionId', '=', editionId).execute();
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([
			{ editionId, campusId: null, stored: 0, counted: 2 },
			{ editionId, campusId: a.campusId, stored: 5, counted: 2 }
		]);
		const warn = vi.spyOn(logger, 'warn');
		try {
			expect(await checkClassCountersIfDue(ctx.db, new Date())).toBe(2);
			expect(warn).toHaveBeenCalledWith('enrolled counter drift repaired', expect.objectContaining({ editionId, stored: 0, counted: 2 }));
		} finally {
			warn.mockRestore();
		}
		// Once a day: a second pass the same day does nothing.
		expect(await checkClassCountersIfDue(ctx.db, new Date())).toBeNull();
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
		expect((await enrolClass(ctx.db, a.actor, aClass(editionId, a.campusId, 'A3'))).status).toBe('waiting');
	});
});
