import { beforeEach, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bulkClassCertificates } from '../../src/lib/server/certificates/bulk-certificates';
import { bulkCertificatesDownload } from '../../src/lib/server/certificates/bulk-download';
import { issueClassCertificates } from '../../src/lib/server/certificates/certificate-batch';
import { buildClassSubject } from '../../src/lib/server/certificates/certificate-facts';
import { getOrIssueClassCertificate } from '../../src/lib/server/certificates/certificate.service';
import type { CertificateView } from '../../src/lib/server/certificates/certificate.service';
import { bulkPdfStream } from '../../src/lib/server/certificates/certificate-stream';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count } from './support/fixtures';
import { addSlot, campusWithClasses, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';
import { pdfText } from './support/pdf-text';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const zuidNames = names('Z', 16);
const westNames = names('W', 14);

async function readAll(stream: unknown): Promise<Buffer> {
	if (!(stream instanceof ReadableStream)) throw new Error('a web stream expected');
	const parts: Uint8Array[] = [];
	const reader = stream.getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
	return Buffer.concat(parts);
}

async function pageCount(pdf: Buffer): Promise<number> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const n = doc.numPages;
	await doc.destroy();
	return n;
}

describeEachDatabase('bulk certificates', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 4 });
	let w: WorkshopWorld;
	let zuid: number;

	/**
	 * 30 classes over Campus Zuid (16) and Campus West (14) had their workshop
	 * on 12 May; Zuid's extra class and the world's four classes did not.
	 */
	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		const z = await campusWithClasses(ctx.db, w.editionId, {
			name: 'Campus Zuid',
			teacherEmail: 'zoe@school.be',
			classes: [...zuidNames, 'Z99'].map((name) => ({ name, pupils: 20 }))
		});
		const west = await campusWithClasses(ctx.db, w.editionId, {
			name: 'Campus West',
			teacherEmail: 'wim@school.be',
			classes: westNames.map((name) => ({ name, pupils: 20 }))
		});
		zuid = z.campusId;
		const slots = [
			[z.campusId, z.classIds.slice(0, 16), w.anna],
			[west.campusId, west.classIds, w.ben]
		] as const;
		const booked: [number, (typeof slots)[number][2]][] = [];
		for (const [campusId, classIds, trainer] of slots) {
			const slot = await addSlot(ctx.db, w.coordinator, w.editionId, campusId, '2027-05-12', '09:00', '09:50');
			await setSlotClasses(ctx.db, w.coordinator, slot, [...classIds]);
			await bookSlot(ctx.db, trainer, slot);
			booked.push([slot, trainer]);
		}
		freezeClock('2027-05-12T10:00:00Z');
		for (const [slot, trainer] of booked)
			await reportWorkshop(ctx.db, trainer, slot, { outcome: 'given', pupilsPresent: 300, durationMinutes: 50, note: null });
	});

	it('streams every eligible class certificate of the edition as one PDF, one page per class, issuing them as it goes', async () => {
		const d = await bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null }, 'pdf', 'nl');
		expect(d.contentType).toBe('application/pdf');
		expect(d.filename).toMatch(/^Attesten .+\.pdf$/);
		const pdf = await readAll(d.body);
		expect(await pageCount(pdf)).toBe(30);
		const text = await pdfText(pdf);
		for (const n of [...zuidNames, ...westNames]) expect(text).toContain(`Klas ${n}`);
		expect(text).not.toContain('Klas Z99');
		expect(text).not.toContain('Klas 5A');
		expect(await count(ctx.db, 'certificates')).toBe(30);
		// A second run prints the same certificates: nothing new is issued.
		const again = await pdfText(
			await readAll((await bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null }, 'pdf', 'en')).body)
		);
		expect(again).toContain('Class W14');
		expect(await count(ctx.db, 'certificates')).toBe(30);
	});

	it('gives one campus only its own classes, and once the edition is over every enrolled class', async () => {
		const pdf = await readAll((await bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: zuid }, 'pdf', 'nl')).body);
		expect(await pageCount(pdf)).toBe(16);
		const text = await pdfText(pdf);
		for (const n of zuidNames) expect(text).toContain(`Klas ${n}`);
		expect(text).not.toContain('Klas W01');
		freezeClock('2027-06-08T08:00:00Z');
		const after = await readAll((await bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: zuid }, 'pdf', 'nl')).body);
		expect(await pdfText(after)).toContain('Klas Z99');
	});

	it('packs one PDF per class into a ZIP named after campus and class', async () => {
		const d = await bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null }, 'zip', 'nl');
		expect(d.contentType).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await readAll(d.body)));
		const entries = Object.keys(files).sort();
		expect(entries).toHaveLength(30);
		expect(entries).toContain('Campus Zuid - Z01.pdf');
		expect(entries).toContain('Campus West - W14.pdf');
		const one = Buffer.from(files['Campus West - W07.pdf']);
		expect(await pageCount(one)).toBe(1);
		expect(await pdfText(one)).toContain('Klas W07');
	});

	it('refuses a teacher, and answers a clear error when there is nothing to print', async () => {
		await expect(bulkCertificatesDownload(ctx.db, w.centrum.teacher, { editionId: w.editionId, campusId: null }, 'pdf', 'nl')).rejects.toMatchObject({
			status: 403
		});
		await expect(bulkCertificatesDownload(ctx.db, w.coordinator, { editionId: w.editionId, campusId: w.centrum.campusId }, 'pdf', 'nl')).rejects.toMatchObject({
			status: 404,
			messageKey: 'cbulk_error_none'
		});
		expect(await count(ctx.db, 'certificates')).toBe(0);
	});

	it('stops reading and issuing when the client goes away after the first chunk', async () => {
		let yielded = 0;
		let closed = false;
		async function* counting(): AsyncGenerator<CertificateView, void, undefined> {
			try {
				for await (const c of bulkClassCertificates(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null }, { chunkSize: 10 })) {
					yielded++;
					yield c;
				}
			} finally {
				closed = true;
			}
		}
		const abort = new AbortController();
		// Batches of 5 for the render worker: the stream reads two of them, exactly the first chunk of 10.
		const reader = (await bulkPdfStream(counting(), { title: 't', cityName: 'Stad', locale: 'nl', signal: abort.signal, batchSize: 5 })).getReader();
		while (yielded < 10) await reader.read();
		abort.abort();
		await new Promise((r) => setTimeout(r, 100));
		expect(closed).toBe(true);
		expect(yielded).toBe(10);
		expect(await count(ctx.db, 'certificates')).toBe(10);
		await reader.cancel();
	});

	const allOfEdition = async () => {
		const views: CertificateView[] = [];
		for await (const c of bulkClassCertificates(ctx.db, w.coordinator, { editionId: w.editionId, campusId: null })) views.push(c);
		return views;
	};

	it('issues the missing certificates in batches, each with the facts and audit entry one by one would give', async () => {
		const views = await allOfEdition();
		expect(views).toHaveLength(30);
		expect(new Set(views.map((v) => v.code)).size).toBe(30);
		const rows = await ctx.db.selectFrom('certificates').select(['classId', 'factsJson', 'campusId']).execute();
		for (const row of rows) expect(JSON.parse(row.factsJson)).toEqual((await buildClassSubject(ctx.db, null, row.classId!)).facts);
		const audit = await ctx.db.selectFrom('auditLog').select(['entityId', 'campusId', 'editionId']).where('action', '=', 'certificate.issued').execute();
		expect(audit.map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual(views.map((v) => v.id).sort((a, b) => a - b));
		expect(audit.every((a) => a.editionId === w.editionId && a.campusId !== null)).toBe(true);
	});

	it('issues nothing in a batch that lost a race, and the download still gives each class its one certificate', async () => {
		const z04 = (await ctx.db.selectFrom('classes').select('id').where('name', '=', 'Z04').executeTakeFirstOrThrow()).id;
		const early = await getOrIssueClassCertificate(ctx.db, w.coordinator, z04);
		const classIds = (await ctx.db.selectFrom('classes').select('id').where('name', 'like', 'W%').execute()).map((c) => c.id);
		expect(await issueClassCertificates(ctx.db, w.coordinator, w.editionId, [...classIds, z04])).toBe(false);
		expect(await count(ctx.db, 'certificates')).toBe(1);
		const views = await allOfEdition();
		expect(views).toHaveLength(30);
		expect(views.find((v) => v.facts.className === 'Z04')!.code).toBe(early.code);
		expect(await count(ctx.db, 'certificates')).toBe(30);
	});

	it('gives every class exactly one certificate when two coordinators download at once', async () => {
		const [a, b] = await Promise.all([allOfEdition(), allOfEdition()]);
		expect(a).toHaveLength(30);
		expect(b.map((v) => v.code).sort()).toEqual(a.map((v) => v.code).sort());
		expect(await count(ctx.db, 'certificates')).toBe(30);
	});
});
