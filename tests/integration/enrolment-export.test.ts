import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { expect, it } from 'vitest';
import type { Download } from '../../src/lib/server/http/download';
import { exportEnrolments } from '../../src/lib/server/reports/enrolment-export.service';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass } from './support/enrolment-fixtures';
import { enrolmentScenario, filterOf, insertManyClasses } from './support/report-fixtures';

async function bytesOf(file: Download): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for (const reader = (file.body as ReadableStream<Uint8Array>).getReader(); ;) {
		const r = await reader.read();
		if (r.done) return Buffer.concat(parts);
		parts.push(r.value);
	}
}

const headerNl =
	'School;Instellingsnummer;Campus;Postcode;Gemeente;Klas;Leerjaar;Niveau;Leerlingen;Onderwijstaal;Status;Plaats op de wachtlijst;Ingeschreven op;Deelname';

describeEachDatabase('enrolment export', (dialect) => {
	const ctx = useDatabase(dialect);

	async function scenarioWithFormulaClass() {
		const s = await enrolmentScenario(ctx.db);
		await ctx.db.updateTable('editions').set({ maxClasses: null }).where('id', '=', s.editionId).execute();
		await enrolClass(
			ctx.db,
			s.teacher,
			aClass(s.editionId, s.campuses.noord, '=HYPERLINK("http://x.be","klik")', { grade: 'L6', pupilCount: 9, remarks: 'Nog een geheime opmerking' })
		);
		return s;
	}

	it('writes CSV bytes for Belgian Excel: BOM, header, ";" and CRLF, numbers as numbers', async () => {
		const s = await scenarioWithFormulaClass();
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf(), 'csv', 'nl');
		expect(file.filename).toBe('inschrijvingen-paars-2027.csv');
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		const bytes = await bytesOf(file);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8').slice(1);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = text.split('\r\n').slice(0, -1);
		expect(lines[0]).toBe(headerNl);
		// In enrolment (id) order; withdrawn 6B left out by default.
		expect(lines.slice(1).map((l) => l.split(';')[5])).toEqual(['5A', '1A', '5B', '2C', '6A', 'Klas 100%', `"'=HYPERLINK(""http://x.be"",""klik"")"`]);
		expect(lines[1]).toBe('Sint-Jozefscollege;;Campus Noord;8500;Kortrijk;5A;L5;Lager onderwijs;20;Nederlands;Ingeschreven;;2026-11-20;Workshop');
		expect(lines[5]).toBe('De Regenboog;;Campus Centrum;8500;Kortrijk;6A;L6;Lager onderwijs;12;Nederlands;Wachtlijst;1;2026-11-20;Workshop');
	});

	it('never exports remarks, and defuses a class name that is a formula', async () => {
		const s = await scenarioWithFormulaClass();
		const text = (await bytesOf(await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ status: 'all' }), 'csv', 'nl'))).toString('utf8');
		expect(text).not.toContain('geheime opmerking');
		expect(text).not.toContain('Geheime opmerking');
		expect(text).toContain(`;"'=HYPERLINK(""http://x.be"",""klik"")";L6;`);
		expect(text).toContain(';6B;L6;Lager onderwijs;25;Nederlands;Uitgeschreven;;');
	});

	it("honours the overview's filters and writes the header in the user's language", async () => {
		const s = await scenarioWithFormulaClass();
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ level: 'secundair', sort: 'pupils', page: '3' }), 'csv', 'en');
		expect(file.filename).toBe('enrolments-paars-2027.csv');
		const lines = (await bytesOf(file)).toString('utf8').slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'School;Institution number;Campus;Postal code;Municipality;Class;Grade;Level;Pupils;Language of instruction;Status;Place on the waiting list;Enrolled on;Taking part'
		);
		expect(lines.slice(1, -1).map((l) => l.split(';')[5])).toEqual(['1A', '2C']);
		expect(lines[1]).toBe('Atheneum Zoë;;Campus Zuid;8500;Kortrijk;1A;S1;Secondary (secundair);20;Dutch;Enrolled;;2026-11-20;Workshop');
		const waiting = (await bytesOf(await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ q: 'klas' }), 'csv', 'nl'))).toString('utf8');
		expect(waiting.split('\r\n').slice(1, -1)).toEqual([
			'De Regenboog;;Campus Centrum;8500;Kortrijk;Klas 100%;L6;Lager onderwijs;15;Nederlands;Wachtlijst;2;2026-11-20;Workshop'
		]);
	});

	it('reads in chunks of 500 and writes every row once, in id order', async () => {
		const s = await enrolmentScenario(ctx.db);
		await insertManyClasses(ctx.db, s.editionId, s.campuses.centrum, s.teacher.id, 1100);
		const text = (await bytesOf(await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ status: 'all' }), 'csv', 'nl'))).toString('utf8');
		const classes = text
			.split('\r\n')
			.slice(1, -1)
			.map((l) => l.split(';')[5]);
		expect(classes).toHaveLength(1107);
		expect(new Set(classes).size).toBe(1107);
		expect(classes.slice(0, 2)).toEqual(['5A', '6B']);
		expect(classes.slice(-2)).toEqual(['K1099', 'K1100']);
	});

	it('stops reading when the download is aborted', async () => {
		const s = await enrolmentScenario(ctx.db);
		await insertManyClasses(ctx.db, s.editionId, s.campuses.centrum, s.teacher.id, 1100);
		const abort = new AbortController();
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf(), 'csv', 'nl', abort.signal);
		const reader = (file.body as ReadableStream<Uint8Array>).getReader();
		await reader.read(); // header
		const first = await reader.read();
		abort.abort();
		const next = await reader.read();
		expect(Buffer.from(first.value!).toString('utf8').split('\r\n').length - 1).toBe(500);
		expect(next.done).toBe(true);
	});

	it('writes an XLSX that reads back with typed cells: numbers, dates, and a formula kept as text', async () => {
		const s = await scenarioWithFormulaClass();
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf(), 'xlsx', 'nl');
		expect(file.filename).toBe('inschrijvingen-paars-2027.xlsx');
		expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const rows = await readSheet(await bytesOf(file));
		expect(rows[0].join(';')).toBe(headerNl);
		expect(rows).toHaveLength(8);
		const [school, nr, campus, postal, city, name, grade, level, pupils, language, status, position, enrolledOn, participation] = rows[5];
		expect([school, nr, campus, postal, city, name, grade, level, language, status, participation]).toEqual([
			'De Regenboog',
			null,
			'Campus Centrum',
			'8500',
			'Kortrijk',
			'6A',
			'L6',
			'Lager onderwijs',
			'Nederlands',
			'Wachtlijst',
			'Workshop'
		]);
		expect([pupils, position]).toEqual([12, 1]);
		expect(enrolledOn).toBeInstanceOf(Date);
		expect((enrolledOn as unknown as Date).toISOString().slice(0, 10)).toBe('2026-11-20');
		expect(rows[7][5]).toBe('=HYPERLINK("http://x.be","klik")');
		expect(rows.flat().some((cell) => String(cell).includes('eheime opmerking'))).toBe(false);
	});

	it('streams an XLSX of many chunks that a reader sees exactly as the in-memory workbook it replaces', async () => {
		const s = await scenarioWithFormulaClass();
		await insertManyClasses(ctx.db, s.editionId, s.campuses.centrum, s.teacher.id, 1100);
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ status: 'all' }), 'xlsx', 'nl');
		const streamed = await readSheet(await bytesOf(file));
		// The same rows through write-excel-file, as the export was built before it streamed.
		const csv = (await bytesOf(await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf({ status: 'all' }), 'csv', 'nl'))).toString('utf8');
		expect(streamed).toHaveLength(csv.split('\r\n').length - 1);
		const inMemory = await readSheet(
			await writeXlsxFile(
				streamed.map((row, i) =>
					row.map((value) => (i === 0 ? { value, fontWeight: 'bold' as const } : value instanceof Date ? { value, type: Date, format: 'dd/mm/yyyy' } : value))
				) as never,
				{ sheet: 'x' }
			).toBuffer()
		);
		expect(streamed).toEqual(inMemory);
		expect(streamed.slice(-1)[0].slice(5, 9)).toEqual(['K1100', 'L5', 'Lager onderwijs', 20]);
	});

	it('stops reading an XLSX when the download is aborted, and fails it rather than end a cut-off zip', async () => {
		const s = await enrolmentScenario(ctx.db);
		await insertManyClasses(ctx.db, s.editionId, s.campuses.centrum, s.teacher.id, 1100);
		const abort = new AbortController();
		const file = await exportEnrolments(ctx.db, s.coordinator, s.editionId, filterOf(), 'xlsx', 'nl', abort.signal);
		const reader = (file.body as ReadableStream<Uint8Array>).getReader();
		await reader.read();
		abort.abort();
		await expect(async () => {
			for (;;) if ((await reader.read()).done) return;
		}).rejects.toThrow();
	});

	it('is for coordinators only', async () => {
		const s = await enrolmentScenario(ctx.db);
		await expect(exportEnrolments(ctx.db, s.teacher, s.editionId, filterOf(), 'csv', 'nl')).rejects.toMatchObject({ messageKey: 'error_forbidden' });
	});
});
