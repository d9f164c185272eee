import { expect, it } from 'vitest';
import { forgetAllSessions } from '../../src/lib/server/auth/session-cache';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { forgetPublishedEditions } from '../../src/lib/server/campaigns/published-editions';
import { useHandle } from '../../src/lib/server/db';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { forgetDashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { forgetCachedSettings } from '../../src/lib/server/settings/settings.service';
import { load as rootLayout } from '../../src/routes/+layout.server';
import { load as appLayout } from '../../src/routes/(app)/+layout.server';
import { load as teacherPage } from '../../src/routes/(app)/teacher/+page.server';
import { load as coordinatorPage } from '../../src/routes/(app)/coordinator/+page.server';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { countingDb } from './support/query-count';

/**
 * What a signed-in page costs in queries, counted as a request runs them: the
 * session, the root and (app) layouts, the page. A teacher with a hundred classes
 * and a coordinator of a Flanders-wide edition must get their start page as fast
 * as anyone: the number of queries may not grow with the classes.
 */
describeEachDatabase('queries per page', (dialect) => {
	const ctx = useDatabase(dialect);

	/** Runs one request for the page; `cold` empties this process's caches first (the first request after start). */
	async function queriesOf(token: string, path: string, page: typeof teacherPage | typeof coordinatorPage, cold: boolean) {
		if (cold) {
			forgetAllSessions();
			forgetPublishedEditions();
			forgetDashboardFigures();
			forgetCachedSettings();
		}
		const counting = countingDb(ctx.db);
		useHandle({ db: counting.db, dialect, close: async () => {} });
		const session = await validateSessionToken(counting.db, token);
		const locals = { db: counting.db, user: session!.user, sessionId: session!.id, guard: 'allow', requestId: 'test', dbDown: false };
		const event = { locals, url: new URL(`http://localhost${path}`), params: {} } as never;
		await rootLayout(event);
		await appLayout(event);
		await page(event);
		return counting.queries();
	}

	async function enrolSome(editionId: number, teachers: Awaited<ReturnType<typeof teacherAt>>[], from: number, to: number) {
		for (let i = from; i < to; i++) {
			const t = teachers[i % teachers.length];
			await enrolClass(ctx.db, t.actor, aClass(editionId, t.campusId, `${5 + (i % 2)}${String.fromCharCode(65 + (i % 26))}${i}`));
		}
	}

	it('the teacher start page runs as many queries for 60 classes (more than a page) as for 3, and fewer once the session is known', async () => {
		// A quota so that classes wait in both cases: waiting classes show their place in the queue.
		const editionId = await createEdition(ctx.db, { maxClasses: 2 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const tom = await teacherAt(ctx.db, 'tom@school.be', { id: lies.campusId });
		const { token } = await createSession(ctx.db, lies.actor.id, '');
		await enrolSome(editionId, [lies, tom], 0, 3);
		const few = await queriesOf(token, '/teacher', teacherPage, true);
		await enrolSome(editionId, [lies, tom], 3, 60);
		const many = await queriesOf(token, '/teacher', teacherPage, true);
		const warm = await queriesOf(token, '/teacher', teacherPage, false);
		expect(many).toBe(few);
		// Session, city settings and published editions come from the process's caches.
		expect(warm).toBeLessThanOrEqual(many - 4);
	});

	it('the coordinator dashboard runs as many queries for 24 classes as for 2, and fewer once the session is known', async () => {
		const editionId = await createEdition(ctx.db, {});
		const coordinator = await coordinatorActor(ctx.db);
		const teachers = [await teacherAt(ctx.db, 'lies@school.be'), await teacherAt(ctx.db, 'an@elders.be')];
		const { token } = await createSession(ctx.db, coordinator.id, '');
		await enrolSome(editionId, teachers, 0, 2);
		const few = await queriesOf(token, '/coordinator', coordinatorPage, true);
		await enrolSome(editionId, teachers, 2, 24);
		const many = await queriesOf(token, '/coordinator', coordinatorPage, true);
		const warm = await queriesOf(token, '/coordinator', coordinatorPage, false);
		expect(many).toBe(few);
		// Besides session, settings and editions, the whole-edition figures are counted at most every few seconds.
		expect(warm).toBeLessThanOrEqual(many - 6);
	});
});
