import { existsSync, readdirSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { config } from '../../src/lib/server/config';
import { clock, nowDb } from '../../src/lib/server/db/time';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { forgetCachedSettings } from '../../src/lib/server/settings/settings.service';
import { writeSettings } from '../../src/lib/server/settings/settings.repository';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { pdfText } from './support/pdf-text';
import { reportWorld } from './support/campaign-report-fixtures';

type Download = Awaited<ReturnType<typeof reportDownload>>;

/** The bytes of a download, and whether they were drawn now or read from the cache. */
async function bytesOf(file: Download): Promise<{ bytes: Buffer; drawn: boolean }> {
	if (file.body instanceof Readable) return { bytes: await toBuffer(file.body), drawn: true };
	if (file.body instanceof ReadableStream) return { bytes: Buffer.from(await new Response(file.body).arrayBuffer()), drawn: false };
	return { bytes: Buffer.from(file.body as string | Uint8Array), drawn: true };
}

const cacheRoot = () => path.join(config().DATA_DIR, 'report-cache');

const cacheFiles = () => {
	const root = cacheRoot();
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => d.name);
};

/** The cache is written when the stream has been read to the end; give the rename a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describeEachDatabase('the cached council report of an ended edition', (dialect) => {
	const ctx = useDatabase(dialect);
	beforeEach(() => rmSync(cacheRoot(), { recursive: true, force: true }));
	afterEach(() => clock.set());

	async function endedWorld() {
		const w = await reportWorld(ctx.db);
		// The day after the edition's workshop period: it has ended.
		clock.set(() => new Date('2027-07-01T10:00:00Z'));
		return w;
	}

	async function download(w: Awaited<ReturnType<typeof reportWorld>>, file: 'report-nl.pdf' | 'report.xlsx', locale: 'nl' | 'en' = 'nl') {
		const got = await bytesOf(await reportDownload(ctx.db, w.coordinator, w.editionId, file, locale));
		await settle();
		return got;
	}

	it('draws the PDF once and serves the same file after, keeping the day it was made', async () => {
		const w = await endedWorld();
		const first = await download(w, 'report-nl.pdf');
		expect(first.drawn).toBe(true);
		clock.set(() => new Date('2027-09-15T10:00:00Z'));
		const second = await download(w, 'report-nl.pdf');
		expect(second.drawn).toBe(false);
		expect(second.bytes.equals(first.bytes)).toBe(true);
		expect(await pdfText(second.bytes)).toContain('1 juli 2027');
		// The workbook is cached per language of the reader.
		const nl = await download(w, 'report.xlsx', 'nl');
		const en = await download(w, 'report.xlsx', 'en');
		expect([nl.drawn, en.drawn]).toEqual([true, true]);
		expect((await download(w, 'report.xlsx', 'en')).drawn).toBe(false);
		expect((await readSheet((await download(w, 'report.xlsx', 'en')).bytes))[0][0]).toBe('Figure');
	});

	it('draws afresh after a late workshop report, and keeps only the new version', async () => {
		const w = await endedWorld();
		const before = await pdfText((await download(w, 'report-nl.pdf')).bytes);
		const late = await ctx.db
			.selectFrom('workshopSlots')
			.select('id')
			.where('editionId', '=', w.editionId)
			.where('localDate', '=', '2027-05-03')
			.executeTakeFirstOrThrow();
		clock.set(() => new Date('2027-07-02T10:00:00Z'));
		await reportWorkshop(ctx.db, w.coordinator, late.id, { outcome: 'given', pupilsPresent: 23, durationMinutes: 100, note: null });
		const after = await download(w, 'report-nl.pdf');
		expect(after.drawn).toBe(true);
		const text = await pdfText(after.bytes);
		expect(text).not.toEqual(before);
		expect(text).toContain('2 juli 2027');
		expect(cacheFiles().filter((n) => n.startsWith('report-nl.pdf.'))).toHaveLength(1);
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(false);
	});

	it('draws afresh when the city settings change', async () => {
		const w = await endedWorld();
		await download(w, 'report-nl.pdf');
		clock.set(() => new Date('2027-07-02T10:00:00Z'));
		await writeSettings(ctx.db, new Map([['city_name', { value: null, valueNl: 'Stad Brugge', valueEn: 'City of Bruges' }]]), {
			at: nowDb(),
			userId: w.coordinator.id
		});
		forgetCachedSettings();
		const after = await download(w, 'report-nl.pdf');
		expect(after.drawn).toBe(true);
		expect(await pdfText(after.bytes)).toContain('Stad Brugge');
	});

	it('draws afresh when a trainer moves to another organisation, and not after a mere login', async () => {
		const w = await endedWorld();
		await download(w, 'report-nl.pdf');
		clock.set(() => new Date('2027-07-02T10:00:00Z'));
		await ctx.db.updateTable('users').set({ lastLoginAt: nowDb(), updatedAt: nowDb() }).where('id', '=', w.anna.id).execute();
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(false);
		const other = await ctx.db.selectFrom('users').select('organisationId').where('id', '=', w.chris.id).executeTakeFirstOrThrow();
		await ctx.db.updateTable('users').set({ organisationId: other.organisationId, updatedAt: nowDb() }).where('id', '=', w.anna.id).execute();
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(true);
	});

	it('never caches the report of an edition that is still running', async () => {
		const w = await reportWorld(ctx.db);
		clock.set(() => new Date('2027-05-10T10:00:00Z'));
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(true);
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(true);
	});

	it('keeps nothing of a download that was cancelled', async () => {
		const w = await endedWorld();
		const file = await reportDownload(ctx.db, w.coordinator, w.editionId, 'report-nl.pdf', 'nl', AbortSignal.abort());
		// A cancelled download ends in an error or a cut-off file: either way nothing is kept.
		await toBuffer(file.body as Readable).catch(() => null);
		await settle();
		expect(cacheFiles().filter((n) => n.startsWith('report-nl.pdf.'))).toEqual([]);
		expect((await download(w, 'report-nl.pdf')).drawn).toBe(true);
	});
});
