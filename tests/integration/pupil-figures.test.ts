import { beforeEach, expect, it } from 'vitest';
import { pupilFigures, type PupilFigures } from '../../src/lib/server/pupil-survey/pupil-figures.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { answersFrom, pupilWorld, type PupilWorld } from './support/pupil-survey-fixtures';
import { addSlot } from './support/workshop-fixtures';

/**
 * Pupil figures with small-cell suppression (issue 19.3). Anna (Wel Jong) gave
 * Campus Centrum's workshop (5A, 5B), Chris (çavaria) Campus Noord's (6A, 6B).
 * 5A: 12 pupils answered 4; 5B: 3 answered 1 (too few, never counted); 6A: 11
 * answered 2; 6B: 10 answered 5 but its questionnaire is still open.
 */
describeEachDatabase('pupil figures', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: PupilWorld;

	beforeEach(async () => {
		const move = freezeClock('2027-05-10T08:00:00Z');
		w = await pupilWorld(ctx.db);
		const centrum = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '10:40');
		const noord = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '13:00', '14:40');
		await setSlotClasses(ctx.db, w.coordinator, centrum, w.centrum.classIds);
		await setSlotClasses(ctx.db, w.coordinator, noord, w.noord.classIds);
		await bookSlot(ctx.db, w.anna, centrum);
		await bookSlot(ctx.db, w.chris, noord);
		move(3 * 86_400_000);
		for (const [trainer, slot] of [
			[w.anna, centrum],
			[w.chris, noord]
		] as const)
			await reportWorkshop(ctx.db, trainer, slot, { outcome: 'given', pupilsPresent: 40, durationMinutes: 100, note: null });
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[0], Array(12).fill(4));
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[1], Array(3).fill(1));
		await answersFrom(ctx.db, w, w.noord.teacher, w.noord.classIds[0], Array(11).fill(2));
		await answersFrom(ctx.db, w, w.noord.teacher, w.noord.classIds[1], Array(10).fill(5), { close: false });
	});

	const firstQuestion = (f: PupilFigures) => f.groups.map((g) => [g.label, g.questions[0].after?.answers ?? null, g.questions[0].after?.mean ?? null]);

	it('counts only closed questionnaires with at least the minimum, in the total and in every split', async () => {
		const total = await pupilFigures(ctx.db, w.editionId, 'edition');
		expect(total.minGroup).toBe(10);
		expect(total.questions.map((q) => q.textNl)).toEqual(['Ik weet waar ik hulp kan vragen.', 'Ik zou reageren als een klasgenoot gepest wordt.']);
		expect(firstQuestion(total)).toEqual([['PAARS 2027', 23, 3.04]]);
		expect(total.groups[0].questions[0].after?.counts).toEqual([0, 11, 0, 12, 0]);

		expect(firstQuestion(await pupilFigures(ctx.db, w.editionId, 'campus'))).toEqual([
			['Testschool – Campus Centrum', 12, 4],
			['Testschool – Campus Noord', 11, 2]
		]);
		expect(firstQuestion(await pupilFigures(ctx.db, w.editionId, 'organisation'))).toEqual([
			['çavaria', 11, 2],
			['Wel Jong', 12, 4]
		]);
		const anna = await pupilFigures(ctx.db, w.editionId, 'trainer', w.anna.id);
		expect(firstQuestion(anna)).toEqual([['Anna Peeters', 12, 4]]);
	});

	it('reads "too few answers" for a group below a raised minimum, and the total leaves it out too', async () => {
		await ctx.db
			.insertInto('settings')
			.values({ key: 'pupil_min_group', value: '12', valueNl: null, valueEn: null, updatedAt: '2027-05-13 08:00:00.000' })
			.execute();
		const campus = await pupilFigures(ctx.db, w.editionId, 'campus');
		expect(campus.groups.map((g) => [g.label, g.shown])).toEqual([
			['Testschool – Campus Centrum', true],
			['Testschool – Campus Noord', false]
		]);
		expect(campus.groups[1].questions.every((q) => q.after === null)).toBe(true);
		// The total minus Centrum must not give Noord's 11 answers away.
		expect(firstQuestion(await pupilFigures(ctx.db, w.editionId, 'edition'))).toEqual([['PAARS 2027', 12, 4]]);
	});
});
