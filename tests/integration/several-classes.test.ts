import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { checkClassCounters } from '../../src/lib/server/enrolments/class-counters.service';
import { waitingPosition } from '../../src/lib/server/enrolments/class.repository';
import { enrolSeveralClasses, type EnrolSeveralInput } from '../../src/lib/server/enrolments/enrol-several.service';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { severalOutcome } from '../../src/lib/server/enrolments/several-outcome.service';
import { DomainError, FieldRefusals, ForbiddenError } from '../../src/lib/server/errors';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, createEdition, statuses, teacherAt } from './support/enrolment-fixtures';
import { count, createCampus, outboxFor } from './support/fixtures';

/**
 * Several classes of a campus in one form (issue 18.3): all or none when a row is
 * refused, then each class decided in the order of the rows under the edition's
 * lock, one mail listing what became of each.
 */
describeEachDatabase('several classes at once', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 6 });

	const rows = (...names: string[]): EnrolSeveralInput['classes'] =>
		names.map((name, i) => ({ row: i + 1, name, grade: 'L5', pupilCount: 20 + i, language: 'nl' }));
	const several = (editionId: number, campusId: number, classes: EnrolSeveralInput['classes']) => ({
		editionId,
		campusId,
		participation: 'workshop' as const,
		classes
	});
	const enrolledCount = async (db: Kysely<Database>, editionId: number) => (await statuses(db, editionId)).filter((c) => c.status === 'enrolled').length;

	it('decides the rows in their order: enrolled while there is a place, then waiting; one mail lists each', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 3 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, 'Al ingeschreven'));
		const mailsBefore = (await outboxFor(ctx.db, 'lies@school.be')).length;

		const results = await enrolSeveralClasses(ctx.db, lies.actor, several(editionId, lies.campusId, rows('6A', '6B', '6C')));

		expect(results.map((r) => [r.row, r.name, r.status, r.position, r.reason])).toEqual([
			[1, '6A', 'enrolled', null, null],
			[2, '6B', 'enrolled', null, null],
			[3, '6C', 'waiting', 1, 'edition']
		]);
		expect((await statuses(ctx.db, editionId)).map((c) => [c.name, c.status])).toEqual([
			['Al ingeschreven', 'enrolled'],
			['6A', 'enrolled'],
			['6B', 'enrolled'],
			['6C', 'waiting']
		]);
		const pupils = await ctx.db.selectFrom('classes').select(['name', 'pupilCount']).where('name', 'in', ['6A', '6C']).orderBy('name').execute();
		expect(pupils).toEqual([
			{ name: '6A', pupilCount: 20 },
			{ name: '6C', pupilCount: 22 }
		]);
		// One mail for the form, in the order of the rows, instead of three.
		const all = await outboxFor(ctx.db, 'lies@school.be');
		const mails = all.slice(0, all.length - mailsBefore);
		expect(mails.map((m) => m.template)).toEqual(['classes_decided']);
		const body = mails[0].bodyText;
		expect(body).toContain('6A: ingeschreven');
		expect(body.indexOf('6A: ingeschreven')).toBeLessThan(body.indexOf('6B: ingeschreven'));
		expect(body).toContain('6C: op de wachtlijst, plaats 1');
		// Each class is audited as a single enrolment would be.
		const audited = await ctx.db.selectFrom('auditLog').select('action').where('entityType', '=', 'class').orderBy('id').execute();
		expect(audited.map((a) => a.action)).toEqual(['class.enrolled', 'class.enrolled', 'class.enrolled', 'class.waitlisted']);
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);

		// The start page's notice reads what became of each now, only for the teacher who enrolled them.
		const ids = results.map((r) => r.classId).join(',');
		const outcome = await severalOutcome(ctx.db, lies.actor.id, ids);
		expect(outcome?.edition).toBe('PAARS 2027');
		expect(outcome?.classes.map((c) => [c.name, c.status, c.position, c.reason])).toEqual([
			['6A', 'enrolled', null, null],
			['6B', 'enrolled', null, null],
			['6C', 'waiting', 1, 'edition']
		]);
		const colleague = await teacherAt(ctx.db, 'colleague@school.be', { id: lies.campusId });
		expect(await severalOutcome(ctx.db, colleague.actor.id, ids)).toBeNull();
	});

	it('says the campus is full when its own maximum keeps a row out', async () => {
		const editionId = await createEdition(ctx.db, { maxClassesPerCampus: 1 });
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const results = await enrolSeveralClasses(ctx.db, lies.actor, several(editionId, lies.campusId, rows('5A', '5B')));
		expect(results.map((r) => [r.status, r.reason])).toEqual([
			['enrolled', null],
			['waiting', 'campus']
		]);
		expect((await outboxFor(ctx.db, 'lies@school.be'))[0].bodyText).toContain('5B: op de wachtlijst, plaats 1 (je campus heeft geen plaats meer)');
	});

	it('writes nothing when one row is refused, and names every refused row', async () => {
		const editionId = await createEdition(ctx.db, { maxClasses: 10 });
		const primary = await createCampus(ctx.db, { name: 'Campus Lager', levels: ['lager'] });
		const lies = await teacherAt(ctx.db, 'lies@school.be', primary);
		await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5B'));
		const before = { classes: await count(ctx.db, 'classes'), audit: await count(ctx.db, 'auditLog'), mails: await count(ctx.db, 'mailOutbox') };

		const input = several(editionId, lies.campusId, [
			{ row: 1, name: '5A', grade: 'L5', pupilCount: 20, language: 'nl' },
			{ row: 2, name: '1A', grade: 'S1', pupilCount: 24, language: 'nl' }, // a secondary grade at a primary campus
			{ row: 4, name: '5b', grade: 'L5', pupilCount: 19, language: 'nl' } // already enrolled (case does not matter)
		]);
		const refused = await enrolSeveralClasses(ctx.db, lies.actor, input).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(FieldRefusals);
		const fields = (refused as FieldRefusals).fields;
		expect(Object.fromEntries(Object.entries(fields).map(([k, e]) => [k, e.messageKey]))).toEqual({
			'class-2-grade': 'error_grade_not_at_campus',
			'class-4-name': 'error_class_name_taken'
		});
		expect({ classes: await count(ctx.db, 'classes'), audit: await count(ctx.db, 'auditLog'), mails: await count(ctx.db, 'mailOutbox') }).toEqual(before);
	});

	it("refuses a campus that is not the teacher's, and an edition whose enrolment has closed", async () => {
		const open = await createEdition(ctx.db);
		const lies = await teacherAt(ctx.db, 'lies@school.be');
		const other = await createCampus(ctx.db, { name: 'Andere campus' });
		await expect(enrolSeveralClasses(ctx.db, lies.actor, several(open, other.id, rows('5A')))).rejects.toBeInstanceOf(ForbiddenError);
		const closed = await createEdition(ctx.db, { year: 2028, closes: '2020-01-01 00:00:00.000' });
		const refusal = await enrolSeveralClasses(ctx.db, lies.actor, several(closed, lies.campusId, rows('5A'))).catch((e: DomainError) => e);
		expect(refusal).toMatchObject({ messageKey: 'error_enrolment_closed' });
		expect(await count(ctx.db, 'classes')).toBe(0);
	});

	it('never splits a form in a race for the last place: another teacher is decided before or after all its rows', async () => {
		for (let round = 0; round < 5; round++) {
			const editionId = await createEdition(ctx.db, { maxClasses: 2, year: 2030 + round });
			const lies = await teacherAt(ctx.db, `lies${round}@school.be`);
			const bart = await teacherAt(ctx.db, `bart${round}@school.be`);
			await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, 'Vooraf'));

			const [form, single] = await Promise.all([
				enrolSeveralClasses(ctx.db, lies.actor, several(editionId, lies.campusId, rows('6A', '6B', '6C'))),
				enrolClass(ctx.db, bart.actor, aClass(editionId, bart.campusId, 'Bart 5B'))
			]);

			// Exactly one of the four got the last place.
			expect(await enrolledCount(ctx.db, editionId)).toBe(2);
			const formFirst = form[0].status === 'enrolled';
			expect(single.status).toBe(formFirst ? 'waiting' : 'enrolled');
			// The form's waiting rows keep their order and follow each other on the list.
			const waitingRows = form.filter((r) => r.status === 'waiting').map((r) => r.position);
			expect(waitingRows).toEqual(formFirst ? [1, 2] : [1, 2, 3]);
			if (formFirst) expect(await waitingPosition(ctx.db, editionId, single.classId)).toBe(3);
		}
		expect(await checkClassCounters(ctx.db, { repair: false })).toEqual([]);
	});
});
