import { beforeEach, expect, it } from 'vitest';
import { editionHub } from '../../src/lib/server/campaigns/edition-hub.service';
import { classCertificateDownload } from '../../src/lib/server/certificates/certificate-download';
import { getOrIssueClassCertificate } from '../../src/lib/server/certificates/certificate.service';
import { useHandle } from '../../src/lib/server/db';
import { enrolClass, updateClassDetails } from '../../src/lib/server/enrolments/enrolment.service';
import { teacherHome } from '../../src/lib/server/enrolments/teacher-home.service';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { exportEnrolments } from '../../src/lib/server/reports/enrolment-export.service';
import { enrolmentOverview } from '../../src/lib/server/reports/enrolment-overview.service';
import { planningPage } from '../../src/lib/server/workshops/slots/planning.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { classWithParticipationSchema } from '../../src/lib/schemas/participation';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { aClass } from './support/enrolment-fixtures';
import { pdfText } from './support/pdf-text';
import { filterOf } from './support/report-fixtures';
import { addSlot, expectRefused, slotClassIds, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/**
 * Materials-only classes (issue 17.5): a class that takes the lessons and the kit
 * but no workshop. It counts like any class, is never "to plan", cannot be put on
 * a slot, and gets a class certificate when the edition has ended. The world has
 * two campuses of two workshop classes each; Lies (Centrum) adds a materials-only
 * class "5M" of 15 pupils. The clock stands on 1 April 2027, before the workshops.
 */
describeEachDatabase('materials-only classes', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let materialsId: number;

	beforeEach(async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		const preferred = [{ localDate: '2027-04-22', part: 'am' as const, field: 'pref1Date' }];
		const enrolled = await enrolClass(
			ctx.db,
			w.centrum.teacher,
			aClass(w.editionId, w.centrum.campusId, '5M', { pupilCount: 15, participation: 'materials', preferredHalfDays: preferred })
		);
		materialsId = enrolled.classId;
	});

	const classRow = () => ctx.db.selectFrom('classes').selectAll().where('id', '=', materialsId).executeTakeFirstOrThrow();
	const edit = (participation: 'workshop' | 'materials', classId = materialsId, name = '5M') =>
		updateClassDetails(ctx.db, w.centrum.teacher, classId, { ...aClass(w.editionId, w.centrum.campusId, name, { pupilCount: 15 }), participation });

	it('enrols the class as materials only, without preferred half-days, and audits the choice', async () => {
		expect(await classRow()).toMatchObject({ participation: 'materials', status: 'enrolled' });
		expect(await ctx.db.selectFrom('classPreferredHalfDays').select('classId').where('classId', '=', materialsId).execute()).toEqual([]);
		const entry = await ctx.db.selectFrom('auditLog').select(['action', 'afterJson']).where('entityId', '=', String(materialsId)).executeTakeFirstOrThrow();
		expect(entry.action).toBe('class.enrolled');
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ participation: 'materials', name: '5M' });
		// The confirmation mail promises no workshop.
		const mail = await ctx.db
			.selectFrom('mailOutbox')
			.select('bodyText')
			.where('template', '=', 'class_enrolled')
			.where('bodyText', 'like', '%5M%')
			.executeTakeFirstOrThrow();
		expect(mail.bodyText).toContain('met alleen het lesmateriaal en het pakket, zonder workshop');
		expect(mail.bodyText).not.toContain('volg je ook de workshop op');
		// A class enrolled without the choice asks for a workshop, as before.
		expect(await ctx.db.selectFrom('classes').select('participation').where('id', '=', w.centrum.classIds[0]).executeTakeFirstOrThrow()).toEqual({
			participation: 'workshop'
		});
	});

	it('ignores half-filled preferred days posted with "materials only" (the fieldset stays on the page without JavaScript)', () => {
		const posted = { name: '5M', grade: 'L5', pupilCount: '15', language: 'nl', pref1Date: '2027-04-3', pref1Part: '' };
		const materials = classWithParticipationSchema.safeParse({ ...posted, participation: 'materials' });
		expect(materials.success && materials.data).toMatchObject({ participation: 'materials', preferredHalfDays: [] });
		const workshop = classWithParticipationSchema.safeParse({ ...posted, participation: 'workshop' });
		expect(workshop.success).toBe(false);
	});

	it('counts the class in the hub, the dashboard, the report and the overview like any enrolled class', async () => {
		const hub = await editionHub(ctx.db, w.coordinator, w.editionId);
		expect(hub.counts).toMatchObject({ enrolled: 5, pupils: 22 + 20 + 18 + 19 + 15, materialsOnly: 1 });
		expect((await dashboardFigures(ctx.db))?.reach).toEqual({ campuses: 2, classes: 5, pupils: 94 });
		expect((await campaignReport(ctx.db, w.coordinator, w.editionId)).figures).toMatchObject({ classes: 5, pupils: 94 });
		const overview = await enrolmentOverview(ctx.db, w.coordinator, w.editionId, filterOf());
		expect(overview.rows.find((r) => r.name === '5M')).toMatchObject({ participation: 'materials', status: 'enrolled' });
	});

	it('labels the participation in the enrolment export', async () => {
		const text = (await downloadBytes(await exportEnrolments(ctx.db, w.coordinator, w.editionId, filterOf(), 'csv', 'nl'))).toString('utf8').slice(1);
		const [header, ...lines] = text.split('\r\n').slice(0, -1);
		expect(header.split(';').at(-1)).toBe('Deelname');
		const participation = Object.fromEntries(lines.map((l) => [l.split(';')[5], l.split(';').at(-1)]));
		expect(participation).toEqual({ '5A': 'Workshop', '5B': 'Workshop', '6A': 'Workshop', '6B': 'Workshop', '5M': 'Alleen materiaal' });
		const en = (await downloadBytes(await exportEnrolments(ctx.db, w.coordinator, w.editionId, filterOf(), 'csv', 'en'))).toString('utf8');
		expect(en).toContain(';Materials only\r\n');
	});

	it('never lists the class as to plan: planning, the hub and the teacher see it as materials only', async () => {
		const planning = await planningPage(ctx.db, w.coordinator, w.editionId, { page: 1, all: false });
		const centrum = planning.campuses.find((c) => c.id === w.centrum.campusId)!;
		expect(centrum.classes.map((c) => c.name)).toEqual(['5A', '5B']);
		expect(centrum).toMatchObject({ enrolled: 2, unplanned: 2 });
		// Once both workshop classes have a slot, Centrum has nothing left to plan.
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-04-22', '09:00', '11:00');
		await setSlotClasses(ctx.db, w.coordinator, slot, w.centrum.classIds);
		const after = await planningPage(ctx.db, w.coordinator, w.editionId, { page: 1, all: false });
		expect(after.campuses.map((c) => c.id)).toEqual([w.noord.campusId]);
		const slot2 = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-04-22', '13:00', '15:00');
		await setSlotClasses(ctx.db, w.coordinator, slot2, w.noord.classIds);
		const hub = await editionHub(ctx.db, w.coordinator, w.editionId);
		expect(hub.counts).toMatchObject({ classesPlanned: 4, enrolled: 5, materialsOnly: 1 });
		expect(hub.tasks.find((t) => t.id === 'workshops')?.state).not.toBe('in_progress');
		const home = await teacherHome(ctx.db, w.centrum.teacher.id);
		expect(home.myClasses.find((c) => c.name === '5M')).toMatchObject({ participation: 'materials', status: 'enrolled' });
	});

	it('refuses to put the class on a workshop slot, with its name in the message, and writes nothing', async () => {
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-04-22', '09:00', '11:00');
		await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, slot, [w.centrum.classIds[0], materialsId]), 'mo_error_on_slot', { name: '5M' });
		expect(await slotClassIds(ctx.db, slot)).toEqual([]);
	});

	it('switches between workshop and materials only while the class has no slot; with a slot, materials only is refused', async () => {
		await edit('workshop');
		expect(await classRow()).toMatchObject({ participation: 'workshop' });
		await edit('materials');
		expect(await classRow()).toMatchObject({ participation: 'materials' });
		const audit = await ctx.db.selectFrom('auditLog').select(['beforeJson', 'afterJson']).where('action', '=', 'class.updated').orderBy('id').execute();
		expect(audit.map((a) => [JSON.parse(a.beforeJson!).participation, JSON.parse(a.afterJson!).participation])).toEqual([
			['materials', 'workshop'],
			['workshop', 'materials']
		]);

		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-04-22', '09:00', '11:00');
		await setSlotClasses(ctx.db, w.coordinator, slot, [w.centrum.classIds[0]]);
		await expect(edit('materials', w.centrum.classIds[0], '5A')).rejects.toMatchObject({ messageKey: 'mo_error_has_slot', field: 'participation' });
		expect(await ctx.db.selectFrom('classes').select('participation').where('id', '=', w.centrum.classIds[0]).executeTakeFirstOrThrow()).toEqual({
			participation: 'workshop'
		});
		// An edit that keeps the participation (no choice posted) leaves it as it is.
		await updateClassDetails(ctx.db, w.centrum.teacher, materialsId, aClass(w.editionId, w.centrum.campusId, '5M', { pupilCount: 16 }));
		expect(await classRow()).toMatchObject({ participation: 'materials', pupilCount: 16 });
	});

	it('counts against the quota like any class: the next class waits', async () => {
		await ctx.db.updateTable('editions').set({ maxClasses: 5 }).where('id', '=', w.editionId).execute();
		const next = await enrolClass(ctx.db, w.noord.teacher, aClass(w.editionId, w.noord.campusId, '6C', { participation: 'materials' }));
		expect(next).toMatchObject({ status: 'waiting', reason: 'edition' });
	});

	it('gets a class certificate once the edition has ended, saying it took part with the materials and claiming no workshop', async () => {
		await expect(getOrIssueClassCertificate(ctx.db, w.centrum.teacher, materialsId)).rejects.toMatchObject({ messageKey: 'cert_error_not_given_yet' });
		freezeClock('2027-06-10T08:00:00Z');
		const cert = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, materialsId);
		expect(cert.facts).toMatchObject({ className: '5M', workshops: [], materialsOnly: true });
		const nl = await pdfText(await downloadBytes(await classCertificateDownload(ctx.db, w.centrum.teacher, materialsId, 'nl')));
		expect(nl).toContain('Klas 5M');
		expect(nl).toContain('met het lesmateriaal van de campagne');
		expect(nl).not.toMatch(/workshop/i);
		const en = await pdfText(await downloadBytes(await classCertificateDownload(ctx.db, w.centrum.teacher, materialsId, 'en')));
		expect(en).toContain("with the campaign's teaching materials");
		expect(en).not.toMatch(/workshop/i);
	});
});
