import { beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import {
	getOrIssueCampusCertificate,
	getOrIssueClassCertificate,
	getOrIssueTrainerCertificate,
	reissueCertificate,
	revokeCertificate
} from '../../src/lib/server/certificates/certificate.service';
import { listCertificates } from '../../src/lib/server/certificates/certificate-list';
import { formatCode } from '../../src/lib/server/certificates/code';
import { limitVerify, verifyCertificate } from '../../src/lib/server/certificates/verify.service';
import { RateLimitedError } from '../../src/lib/server/errors';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count } from './support/fixtures';
import { addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

const codePattern = /^[0-9A-HJKMNP-TV-Z]{15}$/;

describeEachDatabase('certificates', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 10 });
	let w: WorkshopWorld;
	let class5A: number;
	let class5B: number;

	/** Class 5A of Campus Centrum had its workshop on 12 May, given by Anna (Wel Jong) to 21 pupils. */
	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		[class5A, class5B] = w.centrum.classIds;
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, slot, [class5A]);
		await bookSlot(ctx.db, w.anna, slot);
		freezeClock('2027-05-12T10:00:00Z');
		await reportWorkshop(ctx.db, w.anna, slot, { outcome: 'given', pupilsPresent: 21, durationMinutes: 50, note: null });
	});

	const issuedAudit = () =>
		ctx.db.selectFrom('auditLog').select(['actorUserId', 'action', 'entityId', 'afterJson']).where('entityType', '=', 'certificate').orderBy('id').execute();

	it('issues a teacher the certificate of their class once its workshop is given, and the same one every time after', async () => {
		const first = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		expect(first.code).toMatch(codePattern);
		expect(first.kind).toBe('class');
		expect(first.facts).toMatchObject({
			className: '5A',
			campusName: 'Campus Centrum',
			editionYear: 2027,
			workshops: [{ date: '2027-05-12', organisation: 'Wel Jong' }],
			trainerName: null
		});
		const again = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		const byCoordinator = await getOrIssueClassCertificate(ctx.db, w.coordinator, class5A);
		expect([again.code, byCoordinator.code]).toEqual([first.code, first.code]);
		expect(await count(ctx.db, 'certificates')).toBe(1);
		const audit = await issuedAudit();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorUserId: w.centrum.teacher.id, action: 'certificate.issued', entityId: String(first.id) });
		expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ code: first.code, kind: 'class' });
	});

	it('refuses a teacher of another campus, and a class whose workshop is not given while the edition runs', async () => {
		await expect(getOrIssueClassCertificate(ctx.db, w.noord.teacher, class5A)).rejects.toMatchObject({ status: 403, messageKey: 'cert_error_not_your_campus' });
		await expect(getOrIssueCampusCertificate(ctx.db, w.noord.teacher, w.editionId, w.centrum.campusId)).rejects.toMatchObject({ status: 403 });
		await expect(getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5B)).rejects.toMatchObject({ status: 409, messageKey: 'cert_error_not_given_yet' });
		await expect(getOrIssueClassCertificate(ctx.db, w.centrum.teacher, 999_999)).rejects.toMatchObject({ status: 404 });
		expect(await count(ctx.db, 'certificates')).toBe(0);
		expect(await issuedAudit()).toEqual([]);
		// The coordinator prints any; the teacher once the workshop period is over.
		expect((await getOrIssueClassCertificate(ctx.db, w.coordinator, w.noord.classIds[0])).facts.className).toBe('6A');
		freezeClock('2027-06-08T08:00:00Z');
		expect((await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5B)).facts).toMatchObject({ className: '5B', workshops: [] });
	});

	it('issues one certificate when several requests for the same class arrive at once', async () => {
		const views = await Promise.all(Array.from({ length: 6 }, () => getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A)));
		expect(new Set(views.map((v) => v.code)).size).toBe(1);
		expect(await count(ctx.db, 'certificates')).toBe(1);
		expect((await issuedAudit()).map((a) => a.action)).toEqual(['certificate.issued']);
	});

	it('gives a campus certificate with the classes and pupils reached, counted as the campus page counts them', async () => {
		const cert = await getOrIssueCampusCertificate(ctx.db, w.centrum.teacher, w.editionId, w.centrum.campusId);
		// Both enrolled classes (5A 22, 5B 20), as the campus page and the report: not the 21 present at 5A's workshop.
		expect(cert.facts).toMatchObject({ campusName: 'Campus Centrum', className: null, classesReached: 2, pupilsReached: 42 });
	});

	it('lets a coordinator revoke and reissue; the verify page then tells old from new', async () => {
		const old = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		await expect(revokeCertificate(ctx.db, w.centrum.teacher, old.id, 'Fout')).rejects.toMatchObject({ status: 403 });
		const fresh = await reissueCertificate(ctx.db, w.coordinator, old.id);
		expect(fresh.code).not.toBe(old.code);
		expect((await verifyCertificate(ctx.db, old.code)).status).toBe('revoked');
		expect(await verifyCertificate(ctx.db, formatCode(fresh.code).toLowerCase())).toMatchObject({
			status: 'valid',
			kind: 'class',
			className: '5A',
			campusName: 'Campus Centrum'
		});
		expect((await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A)).code).toBe(fresh.code);
		const row = await ctx.db.selectFrom('certificates').selectAll().where('id', '=', fresh.id).executeTakeFirstOrThrow();
		expect(row.replacesId).toBe(old.id);

		await revokeCertificate(ctx.db, w.coordinator, fresh.id, 'Klas bestond niet');
		expect((await verifyCertificate(ctx.db, fresh.code)).status).toBe('revoked');
		await expect(revokeCertificate(ctx.db, w.coordinator, fresh.id, null)).rejects.toMatchObject({ messageKey: 'cert_error_already_revoked' });
		expect((await issuedAudit()).map((a) => [a.action, a.actorUserId])).toEqual([
			['certificate.issued', w.centrum.teacher.id],
			['certificate.revoked', w.coordinator.id],
			['certificate.issued', w.coordinator.id],
			['certificate.revoked', w.coordinator.id]
		]);
	});

	it("lists an edition's certificates for coordinators, newest first, filtered by status", async () => {
		const old = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		const fresh = await reissueCertificate(ctx.db, w.coordinator, old.id);
		await getOrIssueTrainerCertificate(ctx.db, w.anna, w.editionId, w.anna.id);
		const paging = { page: 1, limit: 25, offset: 0 };
		const all = await listCertificates(ctx.db, w.coordinator, w.editionId, null, paging);
		expect(all.rows.map((r) => [r.kind, r.subject, r.valid])).toEqual([
			['trainer', 'Anna Peeters (Wel Jong)', true],
			['class', expect.stringContaining('5A · Campus Centrum'), true],
			['class', expect.stringContaining('5A · Campus Centrum'), false]
		]);
		expect(all.rows[1]).toMatchObject({ code: fresh.code, displayCode: formatCode(fresh.code), replacesId: old.id });
		expect((await listCertificates(ctx.db, w.coordinator, w.editionId, 'revoked', paging)).rows.map((r) => r.code)).toEqual([old.code]);
		expect((await listCertificates(ctx.db, w.coordinator, w.editionId, 'valid', { page: 2, limit: 1, offset: 1 })).pages).toBe(2);
		await expect(listCertificates(ctx.db, w.centrum.teacher, w.editionId, null, paging)).rejects.toMatchObject({ status: 403 });
	});

	it('answers unknown and malformed codes identically', async () => {
		const cert = await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, class5A);
		const last = cert.code.at(-1) === '0' ? '1' : '0';
		const nearMiss = cert.code.slice(0, -1) + last;
		const answers = await Promise.all(
			['ZZZZZ-ZZZZZ-ZZZZZ', nearMiss, 'not a code!', '', 'U'.repeat(15), 'x'.repeat(500)].map((c) => verifyCertificate(ctx.db, c))
		);
		for (const a of answers) expect(a).toEqual({ status: 'unknown' });
	});

	it('never names the trainer on verification, but says whether a typed name matches', async () => {
		await expect(getOrIssueTrainerCertificate(ctx.db, w.ben, w.editionId, w.anna.id)).rejects.toMatchObject({ status: 403 });
		await expect(getOrIssueTrainerCertificate(ctx.db, w.chris, w.editionId, w.chris.id)).rejects.toMatchObject({ messageKey: 'cert_error_not_given_yet' });
		const cert = await getOrIssueTrainerCertificate(ctx.db, w.anna, w.editionId, w.anna.id);
		expect(cert.facts).toMatchObject({ trainerName: 'Anna Peeters', organisationName: 'Wel Jong', workshopsGiven: 1 });
		const plain = await verifyCertificate(ctx.db, cert.code);
		expect(plain).toMatchObject({ status: 'valid', kind: 'trainer', organisationName: 'Wel Jong', workshopsGiven: 1, nameMatches: null });
		expect(JSON.stringify(plain)).not.toMatch(/anna|peeters/i);
		const match = await verifyCertificate(ctx.db, cert.code, '  anna   PEETERS ');
		expect(match).toMatchObject({ nameMatches: true });
		expect(JSON.stringify(match)).not.toMatch(/anna|peeters/i);
		expect(await verifyCertificate(ctx.db, cert.code, 'Ben Claes')).toMatchObject({ nameMatches: false });
	});

	it('rate limits lookups per client address', async () => {
		for (let i = 0; i < 60; i++) await limitVerify(ctx.db, '203.0.113.7');
		await expect(limitVerify(ctx.db, '203.0.113.7')).rejects.toBeInstanceOf(RateLimitedError);
		await expect(limitVerify(ctx.db, '203.0.113.8')).resolves.toBeUndefined();
	});
});

describeEachDatabase('demo certificates', (dialect) => {
	const ctx = useDatabase(dialect);

	it("gives the README's demo code to class 1A of Campus Centrum last year, plus a trainer and a revoked one, once", async () => {
		const today = new Date('2026-11-26T10:00:00Z');
		freezeClock(today);
		await seedDemo(ctx.db, { today });
		expect(await verifyCertificate(ctx.db, 'DEM0C-ERT1F-1CAT0')).toMatchObject({
			status: 'valid',
			kind: 'class',
			className: '1A',
			campusName: 'Campus Centrum',
			editionYear: 2026
		});
		expect(await verifyCertificate(ctx.db, 'dem0c-ert1f-1cat0')).toMatchObject({ status: 'valid' });
		expect(await verifyCertificate(ctx.db, 'REV0K-ED0EM-0CERT')).toMatchObject({ status: 'revoked', className: '2A' });
		expect(await verifyCertificate(ctx.db, 'TRA1N-ERDEM-0C0DE', 'Robin Claeys')).toMatchObject({
			status: 'valid',
			kind: 'trainer',
			organisationName: 'Wel Jong',
			nameMatches: true
		});
		await seedDemo(ctx.db, { today });
		expect(await count(ctx.db, 'certificates')).toBe(3);
	});
});
