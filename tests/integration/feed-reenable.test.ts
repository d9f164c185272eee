import { beforeEach, expect, it } from 'vitest';
import { useHandle, getDb } from '../../src/lib/server/db';
import { setUserDisabled } from '../../src/lib/server/users/user-admin.service';
import { feedStatus, regenerateFeed, resolveFeedToken } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { GET } from '../../src/routes/api/calendar/[token]/+server';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createCoordinator, workshopWorld } from './support/workshop-fixtures';

/** What a calendar app gets for the address. */
const statusOf = async (token: string) =>
	(await GET({ params: { token: `${token}.ics` }, locals: { db: await getDb() } } as unknown as Parameters<typeof GET>[0])).status;

describeEachDatabase('calendar feeds of a disabled account (issue 13, point 6)', (dialect) => {
	const ctx = useDatabase(dialect);
	beforeEach(() => useHandle({ db: ctx.db, dialect, close: async () => {} }));

	it('does not revive the old address when the account is enabled again: a new one is made', async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const old = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		const colleague = await regenerateFeed(ctx.db, w.ben, { editionId: null });
		expect(await statusOf(old.token)).toBe(200);

		await setUserDisabled(ctx.db, w.coordinator, w.anna.id, true);
		expect(await statusOf(old.token)).toBe(404);
		await setUserDisabled(ctx.db, w.coordinator, w.anna.id, false);

		// Enabled again: the old address stays dead and the account page says there is no feed.
		expect(await statusOf(old.token)).toBe(404);
		expect((await feedStatus(ctx.db, w.anna, { editionId: null })).createdAt).toBeNull();
		const fresh = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		expect(fresh.token).not.toBe(old.token);
		expect(await statusOf(fresh.token)).toBe(200);
		expect(await statusOf(old.token)).toBe(404);
		// Nobody else's address was touched.
		expect(await statusOf(colleague.token)).toBe(200);
	});

	it("ends a coordinator's edition feeds too, and says so in the audit entry", async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const other = await createCoordinator(ctx.db, 'jan@stad.be', 'Jan');
		const edition = await regenerateFeed(ctx.db, other, { editionId: w.editionId });

		await setUserDisabled(ctx.db, w.coordinator, other.id, true);
		await setUserDisabled(ctx.db, w.coordinator, other.id, false);

		expect(await resolveFeedToken(ctx.db, edition.token)).toBeNull();
		const entry = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.disabled').executeTakeFirstOrThrow();
		expect(JSON.parse(entry.afterJson ?? '{}')).toMatchObject({ disabled: 1, calendarFeedsRevoked: 1 });
	});
});
