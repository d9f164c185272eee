import { readSheet } from 'read-excel-file/node';
import { beforeEach, expect, it } from 'vitest';
import { bookSlot, assignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { plannerExport, plannerFigures } from '../../src/lib/server/workshops/trainers/planner-figures.service';
import { cancelSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { newSlot, planningWorld, slotAt, trainer } from './support/trainer-view-fixtures';

/**
 * Issue 18 point 2: an organisation's planner has its own figures (each trainer's
 * workshops in the edition) and exports the organisation's workshops as CSV and
 * XLSX; never another organisation's.
 */
describeEachDatabase('a planner’s figures and export', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	async function world() {
		const db = ctx.db;
		const w = await planningWorld(db);
		const planner = await trainer(db, 'pia.planner@weljong.be', w.welJong, { planner: true });
		const an = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const bo = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		const cas = await trainer(db, 'cas.maes@cavaria.be', w.cavaria);
		const casPlanner = await trainer(db, 'cato.planner@cavaria.be', w.cavaria, { planner: true });
		// Wel Jong gives two workshops at Noord (one with a çavaria trainer beside An), çavaria one of its own at Zuid.
		const first = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-11', '09:00', { trainersNeeded: 2 }));
		await setSlotClasses(db, w.coordinator, first, w.north.classIds);
		await bookSlot(db, an, first);
		await bookSlot(db, cas, first);
		const second = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-18', '10:00'));
		await assignTrainer(db, planner, second, an.id);
		const theirs = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-19', '09:00'));
		await setSlotClasses(db, w.coordinator, theirs, w.south.classIds);
		await bookSlot(db, cas, theirs);
		const cancelled = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-20', '09:00'));
		await bookSlot(db, bo, cancelled);
		await cancelSlot(db, w.coordinator, cancelled, 'Schoolreis');
		return { ...w, planner, an, bo, cas, casPlanner, first, second, theirs, cancelled };
	}

	it('counts each trainer’s workshops of the edition, the given ones apart, only for the planner’s own organisation', async () => {
		const w = await world();
		advance(45 * 86_400_000); // 16 May: the workshop of 11 May is past and can be reported
		await reportWorkshop(ctx.db, w.an, w.first, { outcome: 'given', pupilsPresent: 40, durationMinutes: 100, note: 'Geheime notitie' });

		const mine = await plannerFigures(ctx.db, w.planner, null);
		expect(mine.edition?.id).toBe(w.editionId);
		// Bo's only workshop was cancelled; the planner is a trainer of Wel Jong too, with none.
		expect(mine.trainers.map((t) => [t.name, t.workshops, t.given])).toEqual([
			['an peeters', 2, 1],
			['bo claes', 0, 0],
			['pia planner', 0, 0]
		]);
		const theirs = await plannerFigures(ctx.db, w.casPlanner, null);
		expect(theirs.trainers.map((t) => [t.name, t.workshops])).toEqual([
			['cas maes', 2],
			['cato planner', 0]
		]);
		// A trainer who does not plan sees no figures.
		await expect(plannerFigures(ctx.db, w.an, null)).rejects.toMatchObject({ status: 403 });
	});

	it('exports the organisation’s workshops as CSV and XLSX, without other organisations’ workshops or the trainers’ notes', async () => {
		const w = await world();
		advance(45 * 86_400_000);
		await reportWorkshop(ctx.db, w.an, w.first, { outcome: 'given', pupilsPresent: 40, durationMinutes: 100, note: 'Geheime notitie' });

		const csv = await plannerExport(ctx.db, w.planner, w.editionId, 'csv', 'nl');
		expect(csv.filename).toBe('workshops-wel-jong-paars-2027.csv');
		const lines = new TextDecoder()
			.decode(await downloadBytes(csv))
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			'Datum;Begin;Einde;School;Campus;Gemeente;Klassen;Leerlingen ingeschreven;Trainers;Status;Leerlingen aanwezig;Duur (minuten);Reden niet gegeven'
		);
		// A cancelled workshop stays in the file, said so.
		expect(lines.slice(1).map((l) => l.split(';'))).toEqual([
			[
				'2027-05-11',
				'09:00',
				'09:50',
				expect.any(String),
				'Campus noord@school.be',
				'Kortrijk',
				'Klas 1, Klas 2',
				'41',
				'an peeters, cas maes',
				'Gegeven',
				'40',
				'100',
				''
			],
			['2027-05-18', '10:00', '10:50', expect.any(String), 'Campus noord@school.be', 'Kortrijk', '', '0', 'an peeters', 'Gepland', '', '', ''],
			['2027-05-20', '09:00', '09:50', expect.any(String), 'Campus zuid@school.be', 'Kortrijk', '', '0', 'bo claes', 'Geannuleerd', '', '', '']
		]);
		expect(lines.join('\n')).not.toContain('Geheime notitie');
		expect(lines.join('\n')).not.toContain('2027-05-19');

		const xlsx = await plannerExport(ctx.db, w.planner, w.editionId, 'xlsx', 'en');
		const rows = await readSheet(Buffer.from(await downloadBytes(xlsx)));
		expect(rows[0][0]).toBe('Date');
		expect(rows[1][0]).toBeInstanceOf(Date);
		expect(rows[1].slice(7, 12)).toEqual([41, 'an peeters, cas maes', 'Given', 40, 100]);

		// Another organisation's planner gets their own file, never Wel Jong's workshops.
		const theirs = new TextDecoder().decode(await downloadBytes(await plannerExport(ctx.db, w.casPlanner, w.editionId, 'csv', 'nl')));
		expect(theirs).toContain('2027-05-19');
		expect(theirs).not.toContain('2027-05-18');
		await expect(plannerExport(ctx.db, w.an, w.editionId, 'csv', 'nl')).rejects.toMatchObject({ status: 403 });
	});
});
