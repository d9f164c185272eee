import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { pdfText } from './support/pdf-text';
import { reportWorld } from './support/campaign-report-fixtures';

const text = (file: Awaited<ReturnType<typeof reportDownload>>) => ('body' in file ? String(file.body) : '');
const buffer = (file: Awaited<ReturnType<typeof reportDownload>>) => ('body' in file ? (file.body as Buffer) : Buffer.alloc(0));

describeEachDatabase('campaign report downloads', (dialect) => {
	const ctx = useDatabase(dialect);

	it('exports the given workshops per organisation, without the trainers’ notes', async () => {
		const w = await reportWorld(ctx.db);
		const file = await reportDownload(ctx.db, w.coordinator, w.editionId, 'workshops.csv', 'nl');
		expect(file.filename).toBe('gegeven-workshops-paars-2027.csv');
		const lines = text(file)
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Organisatie;Datum;Beginuur;School;Campus;Klassen;Leerlingen aanwezig;Duur (minuten);Trainers van de organisatie;Trainersuren');
		expect(lines.slice(1)).toEqual([
			// A decimal comma in a Dutch file: nl-BE Excel reads 3,33 as a number and 3.33 as text or a date.
			'Wel Jong;2027-04-21;10:00;Testschool;Campus Centrum;5A;20;100;2;3,33',
			'Wel Jong;2027-04-22;10:00;Testschool;Campus Centrum;5B;20;50;1;0,83',
			'çavaria;2027-04-23;10:00;Testschool;Campus Noord;6A, 6B;20;120;1;2'
		]);
		expect(text(file)).not.toContain('Geheime notitie');
		const xlsx = await reportDownload(ctx.db, w.coordinator, w.editionId, 'workshops.xlsx', 'en');
		const rows = await readSheet(buffer(xlsx));
		expect(rows[0][0]).toBe('Organisation');
		expect(rows[3][0]).toBe('çavaria');
		expect(rows[3][1]).toBeInstanceOf(Date);
		expect(rows[3][7]).toBe(120);
		expect(rows[1][9]).toBe(3.33);
		// The English file keeps the decimal point.
		expect(text(await reportDownload(ctx.db, w.coordinator, w.editionId, 'workshops.csv', 'en'))).toContain(';100;2;3.33\r\n');
	});

	it('writes the report tables as CSV and as one workbook with a sheet per table', async () => {
		const w = await reportWorld(ctx.db);
		const campuses = text(await reportDownload(ctx.db, w.coordinator, w.editionId, 'campuses.csv', 'nl'));
		expect(campuses).toContain('School;Campus;Klassen;Leerlingen;Workshops gegeven\r\nTestschool;Campus Centrum;2;42;2\r\nTestschool;Campus Noord;2;37;1');
		expect(text(await reportDownload(ctx.db, w.coordinator, w.editionId, 'grades.csv', 'en'))).toContain('Primary (lager);L5;4;79');
		expect(text(await reportDownload(ctx.db, w.coordinator, w.editionId, 'organisations.csv', 'nl'))).toContain('Wel Jong;2;4,2');
		const book = await readXlsxFile(buffer(await reportDownload(ctx.db, w.coordinator, w.editionId, 'report.xlsx', 'nl')));
		expect(book.map((s) => s.sheet)).toEqual([
			'Kerncijfers',
			'Campussen',
			'Leerjaren',
			'Organisaties',
			'Evaluaties leerkrachten',
			'Opmerkingen leerkrachten',
			'Antwoorden leerlingen'
		]);
		expect(book[0].data[0]).toEqual(['Cijfer', 'PAARS 2027', 'PAARS 2026']);
		expect(book[0].data.find((r) => r[0] === 'Leerlingen bereikt')).toEqual(['Leerlingen bereikt', 79, 25]);
		// Every figure is a number a spreadsheet can sum, the campus share too (a fraction shown as a percentage).
		const share = book[0].data.find((r) => r[0] === 'Aandeel van de actieve campussen in de stad');
		expect(share?.slice(1).every((v) => typeof v === 'number' && v > 0 && v <= 1)).toBe(true);
		expect(book[0].data.slice(1).every((r) => r.slice(1).every((v) => typeof v === 'number'))).toBe(true);
	});

	it('gives the PDF in the language asked for, and refuses everyone but a coordinator', async () => {
		const w = await reportWorld(ctx.db);
		const en = await reportDownload(ctx.db, w.coordinator, w.editionId, 'report-en.pdf', 'nl');
		expect(en.filename).toBe('campaign-report-paars-2027.pdf');
		expect(await pdfText(await downloadBytes(en))).toContain('Campaign report');
		await expect(reportDownload(ctx.db, w.centrum.teacher, w.editionId, 'workshops.csv', 'nl')).rejects.toMatchObject({ status: 403 });
		await expect(reportDownload(ctx.db, w.anna, w.editionId, 'report-nl.pdf', 'nl')).rejects.toMatchObject({ status: 403 });
	});
});
