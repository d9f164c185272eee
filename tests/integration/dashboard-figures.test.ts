import { beforeEach, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

describeEachDatabase('coordinator dashboard figures', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;

	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	it("shows the published edition's reach, workshops by outcome and given workshops per organisation", async () => {
		const given = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, given, [w.centrum.classIds[0]]);
		await bookSlot(ctx.db, w.chris, given);
		const cancelled = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-13', '09:00', '09:50');
		await cancelSlot(ctx.db, w.coordinator, cancelled, 'Ziek');
		await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-14', '09:00', '09:50');
		freezeClock('2027-05-12T10:00:00Z');
		await reportWorkshop(ctx.db, w.chris, given, { outcome: 'given', pupilsPresent: 20, durationMinutes: 50, note: null });

		const f = await dashboardFigures(ctx.db);
		expect(f?.edition.id).toBe(w.editionId);
		expect(f?.reach).toEqual({ campuses: 2, classes: 4, pupils: 79 });
		expect(f?.workshops).toMatchObject({ planned: 3, given: 1, cancelled: 1, notGiven: 0 });
		expect(f?.organisations).toEqual([{ organisation: 'çavaria', workshops: 1 }]);
	});

	it('shows nothing when no edition is published', async () => {
		await ctx.db.updateTable('editions').set({ status: 'archived' }).execute();
		expect(await dashboardFigures(ctx.db)).toBeNull();
	});
});
