import { expect, it } from 'vitest';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { cancelSlot, setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { workshopsOfClasses } from '../../src/lib/server/workshops/teachers/teacher-workshop.service';
import { days } from '../../src/lib/server/db/time';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, slotAt, workshopWorld } from './support/workshop-fixtures';

describeEachDatabase("teacher's view of a class's workshop", (dialect) => {
	const ctx = useDatabase(dialect);

	it('shows when and where, the trainer by first name and organisation only, and a missing trainer', async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const [a, b] = w.centrum.classIds;
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-11', '09:00', '09:50', { trainersNeeded: 2 });
		await setSlotClasses(ctx.db, w.coordinator, slot, [a]);
		const before = await workshopsOfClasses(ctx.db, [a, b]);
		expect(before[b]).toBeUndefined();
		expect(before[a]).toEqual([
			{
				slotId: slot,
				localDate: '2027-05-11',
				startTime: '09:00',
				endTime: '09:50',
				campusName: 'Campus Centrum',
				room: 'Lokaal 12',
				cancelled: false,
				trainers: [],
				trainersMissing: 2,
				changedOn: null
			}
		]);
		await bookSlot(ctx.db, w.anna, slot);
		const after = await workshopsOfClasses(ctx.db, [a]);
		expect(after[a][0]).toMatchObject({ trainers: [{ firstName: 'Anna', organisation: 'Wel Jong' }], trainersMissing: 1 });
		expect(JSON.stringify(after)).not.toMatch(/Peeters|anna@/);
	});

	it('says "changed" only when time or place moved after the class was put in the slot, and keeps a cancelled slot', async () => {
		const move = freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const [a, b] = w.centrum.classIds;
		const [c] = w.noord.classIds;
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-11', '09:00', '09:50');
		// Moved before any class was in it: nothing changed for the class.
		await updateSlot(ctx.db, w.coordinator, slot, slotAt(w.centrum.campusId, '2027-05-11', '09:10', '10:00'));
		move(days(1));
		await setSlotClasses(ctx.db, w.coordinator, slot, [a]);
		const other = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '13:00', '13:50');
		await setSlotClasses(ctx.db, w.coordinator, other, [c]);
		// A trainer found, or a note only the trainer reads, is not a change for the teacher.
		await bookSlot(ctx.db, w.anna, slot);
		await updateSlot(ctx.db, w.coordinator, slot, slotAt(w.centrum.campusId, '2027-05-11', '09:10', '10:00', { trainerNote: 'Beamer aanwezig' }));
		expect((await workshopsOfClasses(ctx.db, [a, c]))[a][0].changedOn).toBeNull();

		move(days(2)); // 4 April
		await updateSlot(ctx.db, w.coordinator, slot, slotAt(w.centrum.campusId, '2027-05-11', '10:00', '10:50', { room: 'Aula', trainerNote: 'Beamer aanwezig' }));
		move(days(1)); // 5 April: class b joins the moved slot; for b that move is not news
		await setSlotClasses(ctx.db, w.coordinator, slot, [a, b]);
		await cancelSlot(ctx.db, w.coordinator, other, 'Staking');
		const view = await workshopsOfClasses(ctx.db, [a, b, c]);
		expect(view[a][0]).toMatchObject({ startTime: '10:00', endTime: '10:50', room: 'Aula', cancelled: false, changedOn: '2027-04-04' });
		expect(view[b][0]).toMatchObject({ startTime: '10:00', changedOn: null });
		expect(view[c][0]).toMatchObject({ campusName: 'Campus Noord', startTime: '13:00', cancelled: true, changedOn: null });
	});
});
