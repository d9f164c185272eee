import type { Actor } from '../../src/lib/server/auth/actor';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import type { Scenario } from './scenarios';

/** Reads a pdfkit document to its end; the size is what a download would send. */
function bytesOf(doc: PDFKit.PDFDocument): Promise<number> {
	return new Promise((resolve, reject) => {
		let n = 0;
		doc.on('data', (chunk: Buffer) => (n += chunk.length));
		doc.on('end', () => resolve(n));
		doc.on('error', reject);
	});
}

const kb = (result: unknown) => `${Math.round(Number(result) / 1024)} kB`;

/**
 * The council report of issue 6 on the Flanders edition (5,000 campuses, 100,000
 * classes, 20,000 workshops): its figures must take a small, constant number of
 * queries; the PDF (with a table of every campus) and the workbook are timed whole.
 */
export function reportScenarios(actor: Actor, editionId: number): Scenario[] {
	return [
		{ name: 'report: figures', run: (db) => campaignReport(db, actor, editionId) },
		{
			name: 'report: PDF (nl), every page',
			run: async (db) => {
				const file = await reportDownload(db, actor, editionId, 'report-nl.pdf', 'nl');
				return 'pdf' in file ? bytesOf(file.pdf) : 0;
			},
			note: kb
		},
		{
			name: 'report: XLSX',
			run: async (db) => {
				const file = await reportDownload(db, actor, editionId, 'report.xlsx', 'nl');
				return 'body' in file ? (file.body as Buffer).length : 0;
			},
			note: kb
		}
	];
}
