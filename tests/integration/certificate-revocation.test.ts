import { beforeEach, expect, it } from 'vitest';
import { bulkClassCertificates } from '../../src/lib/server/certificates/bulk-certificates';
import { listCertificates } from '../../src/lib/server/certificates/certificate-list';
import {
	getOrIssueCampusCertificate,
	getOrIssueClassCertificate,
	reissueCertificate,
	revokeCertificate,
	type CertificateView
} from '../../src/lib/server/certificates/certificate.service';
import { verifyCertificate } from '../../src/lib/server/certificates/verify.service';
import { useHandle } from '../../src/lib/server/db';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { GET as classGet } from '../../src/routes/api/classes/[id=id]/certificate/+server';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/** Issue 12, point 9: a revoked certificate is never reissued as a side effect of a download. */
describeEachDatabase('revoked certificates stay revoked', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let class5A: number;
	let class5B: number;

	/** Campus Centrum's 5A and 5B had their workshop on 12 May. */
	beforeEach(async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		[class5A, class5B] = w.centrum.classIds;
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, slot, [class5A, class5B]);
		await bookSlot(ctx.db, w.anna, slot);
		freezeClock('2027-05-12T10:00:00Z');
		await reportWorkshop(ctx.db, w.anna, slot, { outcome: 'given', pupilsPresent: 40, durationMinutes: 50, note: null });
	});

	const activeOf = (classId: number) =>
		ctx.db.selectFrom('certificates').select(['id', 'code']).where('subjectKey', '=', `class:${classId}`).where('active', '=', 1).execute();
	const rowsOf = async (classId: number) =>
		Number(
			(
				await ctx.db
					.selectFrom('certificates')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('subjectKey', '=', `class:${classId}`)
					.executeTakeFirstOrThrow()
			).n
		);

	async function teacherDownload(classId: number, lang = 'nl') {
		try {
			const res = await classGet({
				locals: { user: w.centrum.teacher, db: ctx.db },
				params: { id: String(classId) },
				url: new URL(`http://localhost:3000/api/classes/${classId}/certificate?lang=${lang}`)
			} as never);
			return { status: res.status, message: null as string | null };
		} catch (err) {
			const e = err as { status?: number; body?: { message?: string } };
			if (typeof e.status !== 'number') throw err;
			return { status: e.status, message: e.body?.message ?? null };
		}
	}

	async function bulk(): Promise<CertificateView[]> {
		const out: CertificateView[] = [];
		for await (const c of bulkClassCertificates(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null })) out.push(c);
		return out;
	}

	it('leaves a revoked class out of the bulk download, issues no new code, and the old code still verifies as revoked', async () => {
		const old = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		await revokeCertificate(ctx.db, w.coordinator, old.id, 'Verkeerde klas');
		const certs = await bulk();
		expect(certs.map((c) => c.facts.className)).toEqual(['5B']);
		expect(await activeOf(class5A)).toEqual([]);
		expect(await rowsOf(class5A)).toBe(1);
		expect((await verifyCertificate(ctx.db, old.code)).status).toBe('revoked');
		// The coordinator's list says how many the download leaves out, and offers the reissue.
		const list = await listCertificates(ctx.db, w.coordinator, w.editionId, null, { page: 1, limit: 50, offset: 0 });
		expect(list.leftOut).toBe(1);
		expect(list.rows.find((r) => r.id === old.id)).toMatchObject({ valid: false, reissuable: true });
		// A second bulk run still issues nothing for 5A.
		await bulk();
		expect(await rowsOf(class5A)).toBe(1);
	});

	it("refuses the teacher's download of a revoked class certificate with a clear message, writing no row", async () => {
		const old = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		await revokeCertificate(ctx.db, w.coordinator, old.id, null);
		const nl = await teacherDownload(class5A);
		expect(nl.status).toBe(410);
		expect(nl.message).toContain('ingetrokken');
		const en = await teacherDownload(class5A, 'en');
		expect(en.status).toBe(410);
		expect(await rowsOf(class5A)).toBe(1);
		await expect(getOrIssueClassCertificate(ctx.db, w.coordinator, class5A)).rejects.toMatchObject({ status: 410, messageKey: 'fe_cert_revoked' });
		expect(await rowsOf(class5A)).toBe(1);
		// The other class is untouched.
		expect((await teacherDownload(class5B)).status).toBe(200);
	});

	it('refuses a revoked campus certificate too', async () => {
		const old = await getOrIssueCampusCertificate(ctx.db, w.centrum.teacher, w.editionId, w.centrum.campusId);
		await revokeCertificate(ctx.db, w.coordinator, old.id, null);
		await expect(getOrIssueCampusCertificate(ctx.db, w.centrum.teacher, w.editionId, w.centrum.campusId)).rejects.toMatchObject({ status: 410 });
	});

	it("makes a new code only on the coordinator's reissue, once; the old code stays revoked", async () => {
		const old = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		await revokeCertificate(ctx.db, w.coordinator, old.id, null);
		await expect(reissueCertificate(ctx.db, w.centrum.teacher, old.id)).rejects.toMatchObject({ status: 403 });
		const fresh = await reissueCertificate(ctx.db, w.coordinator, old.id);
		expect(fresh.code).not.toBe(old.code);
		expect((await verifyCertificate(ctx.db, fresh.code)).status).toBe('valid');
		expect((await verifyCertificate(ctx.db, old.code)).status).toBe('revoked');
		await expect(reissueCertificate(ctx.db, w.coordinator, old.id)).rejects.toMatchObject({ messageKey: 'fe_cert_already_reissued' });
		// Downloads now give the new code; the bulk download includes the class again.
		expect((await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A)).code).toBe(fresh.code);
		expect((await bulk()).map((c) => c.code)).toContain(fresh.code);
		expect(await activeOf(class5A)).toHaveLength(1);
		const list = await listCertificates(ctx.db, w.coordinator, w.editionId, null, { page: 1, limit: 50, offset: 0 });
		expect(list.leftOut).toBe(0);
		expect(list.rows.find((r) => r.id === old.id)).toMatchObject({ reissuable: false });
	});
});
