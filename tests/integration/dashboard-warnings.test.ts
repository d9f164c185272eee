import { beforeEach, expect, it } from 'vitest';
import { forgetPublishedEditions } from '../../src/lib/server/campaigns/published-editions';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { requestDeletion } from '../../src/lib/server/privacy/deletion-request.service';
import { dashboardAttention, mailQueue, needsAttention } from '../../src/lib/server/reports/dashboard-attention.service';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import type { Actor } from '../../src/lib/server/auth/actor';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { itemWithStock, posters, wristbands } from './support/kit-fixtures';

describeEachDatabase('coordinator dashboard: what needs attention, the mail queue, the waiting list', (dialect) => {
	const ctx = useDatabase(dialect);
	let coordinator: Actor;
	let editionId: number;
	let teacher: Awaited<ReturnType<typeof teacherAt>>;

	beforeEach(async () => {
		// One place: the second class waits.
		editionId = await createEdition(ctx.db, { maxClasses: 1 });
		forgetPublishedEditions();
		coordinator = await coordinatorActor(ctx.db);
		teacher = await teacherAt(ctx.db, 'lies@school.be');
		await enrolClass(ctx.db, teacher.actor, aClass(editionId, teacher.campusId, '5A', { pupilCount: 21 }));
		await enrolClass(ctx.db, teacher.actor, aClass(editionId, teacher.campusId, '5B', { pupilCount: 19 }));
	});

	it('counts the classes on the waiting list beside the enrolled ones', async () => {
		const f = await dashboardFigures(ctx.db);
		expect(f?.reach).toEqual({ campuses: 1, classes: 1, pupils: 21 });
		expect(f?.waiting).toBe(1);
	});

	it('flags a kit item without stock, a failed mail and an open deletion request, and nothing once all is well', async () => {
		const queue = await mailQueue(ctx.db);
		expect(queue.failed).toBe(0);
		expect(needsAttention(await dashboardAttention(ctx.db, queue))).toBe(false);

		await itemWithStock(ctx.db, coordinator, editionId, wristbands, 500);
		const empty = await itemWithStock(ctx.db, coordinator, editionId, posters, 0);
		const [first] = await ctx.db.selectFrom('mailOutbox').select('id').orderBy('id').limit(1).execute();
		await ctx.db.updateTable('mailOutbox').set({ status: 'failed' }).where('id', '=', first.id).execute();
		await requestDeletion(ctx.db, teacher.actor.id, 'Ik ga weg.');

		const after = await mailQueue(ctx.db);
		// One mail left the queue as failed; the deletion request queued its confirmation.
		expect(after).toEqual({ queued: queue.queued, failed: 1 });
		const attention = await dashboardAttention(ctx.db, after);
		expect(attention.lowStock).toEqual([{ id: empty, editionId, editionName: 'PAARS 2027', nameNl: 'Affiches', nameEn: 'Posters', available: 0 }]);
		expect(attention.failedMail).toBe(1);
		expect(attention.deletionRequests).toBe(1);
		expect(needsAttention(attention)).toBe(true);
	});

	it('leaves the stock of an edition that is not published out', async () => {
		await itemWithStock(ctx.db, coordinator, editionId, posters, 0);
		await ctx.db.updateTable('editions').set({ status: 'draft' }).where('id', '=', editionId).execute();
		forgetPublishedEditions();
		expect((await dashboardAttention(ctx.db, { queued: 0, failed: 0 })).lowStock).toEqual([]);
	});
});
