import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { campaignReportPdf, type CampaignReportPdfView } from '../../src/lib/server/reports/campaign-report-pdf';
import { toBuffer } from '../../src/lib/server/pdf/document';

/** A text run as pdf.js reads it: its text, where it starts and how wide it is (PDF points). */
interface Run {
	str: string;
	x: number;
	y: number;
	width: number;
}

async function pages(pdf: Buffer): Promise<{ width: number; runs: Run[] }[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const out: { width: number; runs: Run[] }[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const runs = (await page.getTextContent()).items
			.filter((i) => 'str' in i && i.str.trim() !== '')
			.map((i) => {
				const item = i as { str: string; transform: number[]; width: number };
				return { str: item.str, x: item.transform[4], y: item.transform[5], width: item.width };
			});
		out.push({ width: page.view[2], runs });
	}
	await doc.destroy();
	return out;
}

/** The consecutive runs that together spell `text` (one run when it sits on one line). */
function runsOf(runs: Run[], text: string): Run[] {
	for (let i = 0; i < runs.length; i++) {
		let joined = '';
		for (let j = i; j < runs.length && joined.length < text.length; j++) {
			joined += runs[j].str.trim();
			if (joined === text) return runs.slice(i, j + 1);
		}
	}
	return [];
}

const bars = (values: [string, number, string][]) => values.map(([label, value, display]) => ({ label, value, display }));

function view(highlights: [string, string][]): CampaignReportPdfView {
	return {
		lang: 'nl-BE',
		title: 'Campagnerapport',
		cityName: 'Vlaanderen',
		logo: null,
		campaignName: 'PAARS',
		editionLine: 'Editie 2027',
		generated: 'Gemaakt op 30 juni 2027',
		accent: '#6b2d8f',
		pageLabel: 'p. {n} / {total}',
		highlights,
		keyFigures: { heading: 'Kerncijfers', caption: '2027', headers: ['Cijfer', 'Waarde'], rows: [['Leerlingen', '1.972.218']], note: '' },
		sections: [
			{
				heading: 'Leerlingen',
				charts: [
					{
						title: 'Leerlingen per niveau',
						alt: 'grafiek',
						bars: bars([
							['Lager', 12_345_678, '12.345.678'],
							['Secundair', 1_972_218, '1.972.218']
						])
					}
				],
				tables: []
			}
		],
		contact: { heading: 'Contact', lines: [] }
	};
}

describe('the key figures of a Flanders-size report PDF', () => {
	const flanders: [string, string][] = [
		['5.000', 'campussen'],
		['98.614', 'klassen'],
		['1.972.218', 'leerlingen'],
		['19.873', 'workshops gegeven']
	];

	it('prints each big number on the cover on one line, inside its own column', async () => {
		const [cover] = await pages(await toBuffer(campaignReportPdf(view(flanders))));
		const found = flanders.map(([value]) => runsOf(cover.runs, value));
		for (const [i, runs] of found.entries()) {
			expect(runs.length, flanders[i][0]).toBeGreaterThan(0);
			expect(new Set(runs.map((r) => r.y.toFixed(1))).size, `${flanders[i][0]} on one line`).toBe(1);
		}
		// Left to right without overlapping the next column, and all on one baseline band.
		const starts = found.map((runs) => runs[0]);
		for (let i = 0; i + 1 < starts.length; i++) expect(starts[i].x + starts[i].width).toBeLessThan(starts[i + 1].x);
		expect(new Set(starts.map((r) => r.y.toFixed(1))).size).toBe(1);
	});

	it('keeps the full size for small numbers (a city edition)', async () => {
		const small = await pages(
			await toBuffer(
				campaignReportPdf(
					view([
						['8', 'campussen'],
						['61', 'klassen'],
						['1.220', 'leerlingen'],
						['58', 'workshops']
					])
				)
			)
		);
		const big = await pages(await toBuffer(campaignReportPdf(view(flanders))));
		const widthOfEight = runsOf(small[0].runs, '8')[0].width;
		const widthOfFiveThousand = runsOf(big[0].runs, '5.000')[0].width;
		// "5.000" is four digits and a dot: at full size it would be ~4.4 times as wide as "8".
		expect(widthOfEight).toBeGreaterThan(14);
		expect(widthOfFiveThousand / widthOfEight).toBeLessThan(4);
	});

	it('keeps a chart value of ten millions on one line inside the right margin', async () => {
		const all = await pages(await toBuffer(campaignReportPdf(view(flanders))));
		const page = all.find((p) => runsOf(p.runs, '12.345.678').length > 0)!;
		const runs = runsOf(page.runs, '12.345.678');
		expect(runs).toHaveLength(1);
		expect(runs[0].x + runs[0].width).toBeLessThanOrEqual(page.width - 50 + 0.5);
	});
});
