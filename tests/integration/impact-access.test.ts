import { beforeEach, expect, it } from 'vitest';
import { decide } from '../../src/lib/server/auth/guards';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { ForbiddenError } from '../../src/lib/server/errors';
import { impactExport } from '../../src/lib/server/pupil-survey/impact-export.service';
import { editionImpact, trainerImpact } from '../../src/lib/server/pupil-survey/impact.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { impactWorld, setMinGroup, type ImpactWorld } from './support/pupil-impact-fixtures';
import { createTrainer } from './support/workshop-fixtures';

/**
 * Who sees pupil figures (issue 19.3): coordinators every split of an edition;
 * a trainer only their own group, on their start page; nobody else anything.
 */
describeEachDatabase('who sees the impact figures', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: ImpactWorld;
	beforeEach(async () => {
		w = await impactWorld(ctx.db);
	});

	const sessionUser = (roles: Role[]): SessionUser => ({ id: 1, email: 'x@y.be', displayName: 'X', locale: 'nl', roles, organisationId: null });

	it('gives the page and its downloads to coordinators only, in the guard table and in the service', async () => {
		for (const route of ['/(app)/coordinator/editions/[id=id]/impact', '/(app)/coordinator/editions/[id=id]/impact/export/[format]']) {
			expect(decide(route, sessionUser(['coordinator'])), route).toBe('allow');
			expect(decide(route, sessionUser(['teacher', 'trainer'])), route).toBe('forbidden');
			expect(decide(route, null), route).toBe('login');
		}
		for (const actor of [w.centrum.teacher, w.anna]) {
			await expect(editionImpact(ctx.db, actor, w.editionId, 'campus')).rejects.toBeInstanceOf(ForbiddenError);
			await expect(impactExport(ctx.db, actor, w.editionId, 'trainer', 'csv', 'nl')).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect((await editionImpact(ctx.db, w.coordinator, w.editionId, 'campus')).groups).toHaveLength(2);
	});

	it('shows a trainer their own classes’ figures only, never another trainer’s or a campus’s', async () => {
		const own = async (trainer: typeof w.anna) =>
			(await trainerImpact(ctx.db, trainer)).map((f) => ({
				edition: f.edition.name,
				group: f.group?.label,
				after: f.group?.questions.map((q) => q.after && [q.after.answers, q.after.mean]),
				before: f.group?.questions.map((q) => q.before && [q.before.answers, q.before.mean])
			}));
		// Anna and Ben gave 5A and 5B together (5B's 3 answers count nowhere); Chris gave 6A, whose 4 answers before are too few.
		const anna = [
			{
				edition: 'PAARS 2027',
				group: 'Anna Peeters',
				after: [
					[12, 4],
					[12, 4]
				],
				before: [
					[10, 2],
					[10, 2]
				]
			}
		];
		expect(await own(w.anna)).toEqual(anna);
		expect(await own(w.ben)).toEqual([{ ...anna[0], group: 'Ben Claes' }]);
		expect(await own(w.chris)).toEqual([
			{
				edition: 'PAARS 2027',
				group: 'Chris Wouters',
				after: [
					[11, 2],
					[11, 2]
				],
				before: [null, null]
			}
		]);

		await setMinGroup(ctx.db, 12);
		const [chris] = await trainerImpact(ctx.db, w.chris);
		expect(chris.group?.shown).toBe(false);
		expect(chris.group?.questions.every((q) => q.after === null && q.before === null)).toBe(true);
	});

	it('shows a trainer without a given workshop nothing, and refuses anyone who is no trainer', async () => {
		const dana = await createTrainer(ctx.db, { email: 'dana@cavaria.be', organisationId: w.cavaria, name: 'Dana Smet' });
		expect(await trainerImpact(ctx.db, dana)).toEqual([]);
		await expect(trainerImpact(ctx.db, w.centrum.teacher)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(trainerImpact(ctx.db, w.coordinator)).rejects.toBeInstanceOf(ForbiddenError);
	});
});
