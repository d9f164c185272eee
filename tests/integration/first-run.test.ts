import { beforeEach, expect, it } from 'vitest';
import { audit } from '../../src/lib/server/audit/audit';
import { insertSetting } from '../../src/lib/server/settings/settings.repository';
import { nowDb } from '../../src/lib/server/db/time';
import { firstRunChecklist } from '../../src/lib/server/setup/first-run.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { workshopWorld } from './support/workshop-fixtures';

describeEachDatabase('first-run checklist on the coordinator start page', (dialect) => {
	const ctx = useDatabase(dialect);

	beforeEach(() => {
		freezeClock('2027-03-01T08:00:00Z');
	});

	it('on an empty install lists the six steps in order, none done, each a link to where it is done', async () => {
		const steps = await firstRunChecklist(ctx.db);
		expect(steps?.map((s) => [s.id, s.done, s.href])).toEqual([
			['city', false, '/coordinator/settings'],
			['campaign', false, '/coordinator/campaigns'],
			['organisations', false, '/coordinator/organisations'],
			['campuses', false, '/coordinator/campuses/import'],
			['edition', false, '/coordinator/editions'],
			['schools', false, '/coordinator/editions']
		]);
	});

	it('ticks off what exists, points the last step at the published edition, and disappears once the schools are invited', async () => {
		const w = await workshopWorld(ctx.db);
		let steps = await firstRunChecklist(ctx.db);
		expect(steps?.filter((s) => s.done).map((s) => s.id)).toEqual(['campaign', 'organisations', 'campuses', 'edition']);
		expect(steps?.find((s) => s.id === 'schools')?.href).toBe(`/coordinator/editions/${w.editionId}/invitations`);

		await insertSetting(ctx.db, { key: 'city_name', value: null, valueNl: 'Stad Testgem', valueEn: 'City of Testgem', updatedAt: nowDb() });
		steps = await firstRunChecklist(ctx.db);
		expect(steps?.filter((s) => !s.done).map((s) => s.id)).toEqual(['schools']);

		await audit(ctx.db, {
			actorId: w.coordinator.id,
			action: 'edition.schools_invited',
			entityType: 'edition',
			entityId: w.editionId,
			after: { recipients: 2 }
		});
		expect(await firstRunChecklist(ctx.db)).toBeNull();
	});
});
