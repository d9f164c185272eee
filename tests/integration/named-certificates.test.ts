import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '../../src/lib/server/config';
import { useHandle, getDb } from '../../src/lib/server/db';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { POST } from '../../src/routes/api/classes/[id=id]/named-certificates/+server';
import { GET } from '../../src/routes/api/classes/[id=id]/certificate/+server';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { pdfText } from './support/pdf-text';
import { addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

const names = ['Zoë Testnaam-Uniek', 'Łukasz Privénaam-Uniek'];
const fragments = ['Testnaam-Uniek', 'Privénaam-Uniek', 'Testnaam', 'Privénaam'];

type Actor = WorkshopWorld['coordinator'];
const origin = 'http://localhost:3000';

async function post(actor: Actor, classId: number, fields: Record<string, string>) {
	const url = new URL(`${origin}/api/classes/${classId}/named-certificates`);
	const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields) });
	return POST({ locals: { user: actor, db: await getDb() }, params: { id: String(classId) }, request, url } as unknown as Parameters<typeof POST>[0]);
}

async function get(actor: Actor, classId: number, lang: string) {
	const url = new URL(`${origin}/api/classes/${classId}/certificate?lang=${lang}`);
	return GET({ locals: { user: actor, db: await getDb() }, params: { id: String(classId) }, url } as unknown as Parameters<typeof GET>[0]);
}

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describeEachDatabase('named pupil certificates', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let class5A: number;
	let dataDir: string;
	let logged: string[];

	beforeEach(async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpdf-data-'));
		vi.stubEnv('DATA_DIR', dataDir);
		vi.stubEnv('LOG_IN_TESTS', '1');
		vi.stubEnv('LOG_LEVEL', 'debug');
		resetConfigForTests();
		logged = [];
		const capture = (chunk: unknown) => (logged.push(String(chunk)), true);
		vi.spyOn(process.stdout, 'write').mockImplementation(capture);
		vi.spyOn(process.stderr, 'write').mockImplementation(capture);
		for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
			vi.spyOn(console, level).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		class5A = w.centrum.classIds[0];
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, slot, [class5A]);
		await bookSlot(ctx.db, w.anna, slot);
		freezeClock('2027-05-12T10:00:00Z');
		await reportWorkshop(ctx.db, w.anna, slot, { outcome: 'given', pupilsPresent: 21, durationMinutes: 50, note: null });
	});

	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
		resetConfigForTests();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	/** Every text a table holds, row by row, as one string per table. */
	async function databaseText(): Promise<string> {
		const tables = await ctx.db.introspection.getTables();
		const out: string[] = [];
		for (const t of tables) {
			const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(ctx.db);
			out.push(JSON.stringify(rows.rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('utf8') : v)));
		}
		return out.join('\n');
	}

	async function sqliteFileBytes(): Promise<Buffer> {
		if (dialect !== 'sqlite') return Buffer.alloc(0);
		const list = await sql<{ file: string }>`pragma database_list`.execute(ctx.db);
		const file = list.rows[0].file;
		return Buffer.concat([file, `${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
	}

	it('prints one page per pupil with the class code, and leaves the names nowhere: not in the database, the logs or the data directory', async () => {
		const response = await post(w.centrum.teacher, class5A, { names: `${names[0]}\n\n  ${names[1]}  \n`, lang: 'nl' });
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('application/pdf');
		expect(response.headers.get('Cache-Control')).toContain('no-store');
		const disposition = response.headers.get('Content-Disposition') ?? '';
		expect(disposition).toContain('PAARS-2027-Klas-5A-namen.pdf');
		for (const f of fragments) expect(disposition).not.toContain(f);
		const pages = (await pdfText(await bytes(response))).split('\n');
		expect(pages).toHaveLength(2);
		expect(pages[0]).toContain(names[0]);
		expect(pages[1]).toContain(names[1]);
		const code = (await ctx.db.selectFrom('certificates').select('code').executeTakeFirstOrThrow()).code;
		const grouped = `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10)}`;
		for (const p of pages) expect(p).toContain(grouped);

		const db = await databaseText();
		expect(db).toContain(code);
		const file = await sqliteFileBytes();
		const dataFiles = filesUnder(dataDir).map((f) => fs.readFileSync(f));
		const logs = logged.join('\n');
		for (const f of fragments) {
			expect(db).not.toContain(f);
			expect(file.includes(Buffer.from(f, 'utf8'))).toBe(false);
			expect(file.includes(Buffer.from(f, 'utf16le'))).toBe(false);
			expect(logs).not.toContain(f);
			for (const d of dataFiles) expect(d.includes(Buffer.from(f, 'utf8'))).toBe(false);
		}
	});

	it('answers a clear error page that keeps the input, naming the line, and issues nothing', async () => {
		const input = `Zoë Testnaam-Uniek\n\n李雷\n${'A'.repeat(81)}`;
		const response = await post(w.centrum.teacher, class5A, { names: input, lang: 'en' });
		expect(response.status).toBe(400);
		expect(response.headers.get('Cache-Control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('regel 3');
		expect(html).toContain('regel 4');
		expect(html).toContain('Zoë Testnaam-Uniek\n\n李雷');
		expect(html).toContain('<option value="en" selected>');
		expect(html).toContain(`action="/api/classes/${class5A}/named-certificates"`);
		expect(await ctx.db.selectFrom('certificates').select('id').execute()).toEqual([]);
		for (const f of fragments) expect(logged.join('\n')).not.toContain(f);

		const many = await post(w.centrum.teacher, class5A, { names: Array.from({ length: 500 }, (_, i) => `Kind ${i}`).join('\n'), lang: 'nl' });
		expect(many.status).toBe(400);
		expect(await many.text()).toContain('Je vulde 500 namen in; er kunnen er hoogstens 40 per keer.');
	});

	it('refuses a teacher of another campus and a class whose workshop is not given yet', async () => {
		await expect(post(w.noord.teacher, class5A, { names: 'Zoë', lang: 'nl' })).rejects.toMatchObject({ status: 403 });
		await expect(get(w.noord.teacher, class5A, 'nl')).rejects.toMatchObject({ status: 403 });
		await expect(post(w.centrum.teacher, w.centrum.classIds[1], { names: 'Zoë', lang: 'nl' })).rejects.toMatchObject({ status: 409 });
	});

	it('downloads the class certificate in Dutch or English', async () => {
		const nl = await get(w.centrum.teacher, class5A, 'nl');
		expect(nl.headers.get('Content-Disposition')).toContain('PAARS-2027-Klas-5A.pdf');
		const text = await pdfText(await bytes(nl));
		expect(text).toContain('Klas 5A');
		expect(text).toContain('Workshop op 12 mei 2027, gegeven door Wel Jong');
		const en = await pdfText(await bytes(await get(w.centrum.teacher, class5A, 'en')));
		expect(en).toContain('Class 5A');
		expect(en).toContain('/verify/');
	});
});
