import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database } from '../../../src/lib/server/db/schema';
import { campusDetail } from '../../../src/lib/server/campuses/campus-detail.service';
import { campusCertificateDownload } from '../../../src/lib/server/certificates/certificate-more';
import { getOrIssueCampusCertificate } from '../../../src/lib/server/certificates/certificate.service';
import { editionHub } from '../../../src/lib/server/campaigns/edition-hub.service';
import { reportDownload } from '../../../src/lib/server/reports/campaign-report-export.service';
import { campaignReport } from '../../../src/lib/server/reports/campaign-report.service';
import { enrolmentOverview } from '../../../src/lib/server/reports/enrolment-overview.service';
import { downloadBytes } from './download-bytes';
import { pdfText } from './pdf-text';
import { filterOf } from './report-fixtures';

/** One campus's "pupils reached" as each place shows it. */
export interface CampusFigures {
	campus: string;
	page: number;
	certificate: number;
	certificatePdf: number;
	report: number;
	csv: number;
}

/** The pupils on the campus certificate PDF ("Leerlingen bereikt: 1.234"), as a reader sees it. */
async function pupilsOnCertificatePdf(db: Kysely<Database>, coordinator: Actor, editionId: number, campusId: number): Promise<number> {
	const text = await pdfText(await downloadBytes(await campusCertificateDownload(db, coordinator, editionId, campusId, 'nl')));
	const found = /Leerlingen bereikt: ([\d.]+)/.exec(text);
	if (!found) throw new Error(`no pupils on the campus certificate: ${text}`);
	return Number(found[1].replaceAll('.', ''));
}

/** The campuses CSV (Dutch) as rows: school, campus, classes, pupils, workshops given. */
async function campusesCsv(db: Kysely<Database>, coordinator: Actor, editionId: number) {
	const file = await reportDownload(db, coordinator, editionId, 'campuses.csv', 'nl');
	const lines = ('body' in file ? String(file.body) : '')
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	return lines.slice(1).map((l) => l.split(';'));
}

/**
 * "Pupils reached" of every campus of an edition as the campus page, the campus
 * certificate (facts and PDF), the council report and its campuses CSV give it:
 * every campus in the report, and every campus with a given workshop (a
 * certificate can be issued for it). `pdfs` limits how many certificate PDFs are read.
 */
export async function pupilsReachedEverywhere(db: Kysely<Database>, coordinator: Actor, editionId: number, pdfs = Infinity) {
	const report = await campaignReport(db, coordinator, editionId);
	const csv = await campusesCsv(db, coordinator, editionId);
	const given = await db.selectFrom('workshopSlots').select('campusId').distinct().where('editionId', '=', editionId).where('outcome', '=', 'given').execute();
	const reported = new Map(report.campuses.map((c, i) => [c.campusId, { name: `${c.school} – ${c.campus}`, report: c.pupils, csvRow: csv[i] }]));
	const campusIds = [...new Set([...reported.keys(), ...given.map((g) => g.campusId)])];
	const out: CampusFigures[] = [];
	for (const [i, campusId] of campusIds.entries()) {
		const r = reported.get(campusId);
		const detail = await campusDetail(db, campusId);
		const cert = await getOrIssueCampusCertificate(db, coordinator, editionId, campusId);
		// The CSV row is the report's row: the same school and campus, in the same place.
		const csvRow = r && r.csvRow[0] === r.name.split(' – ')[0] ? r.csvRow : undefined;
		out.push({
			campus: r?.name ?? `${detail?.campus.schoolName} – ${detail?.campus.name}`,
			page: detail?.history.find((h) => h.id === editionId)?.pupils ?? 0,
			certificate: cert.facts.pupilsReached ?? -1,
			certificatePdf: i < pdfs ? await pupilsOnCertificatePdf(db, coordinator, editionId, campusId) : (cert.facts.pupilsReached ?? -1),
			report: r?.report ?? 0,
			csv: csvRow ? Number(csvRow[3]) : r ? -1 : 0
		});
	}
	return { campuses: out, total: report.figures.pupils };
}

/** The edition's total pupils reached on the report, the edition hub and the enrolment overview. */
export async function editionPupilsReached(db: Kysely<Database>, coordinator: Actor, editionId: number) {
	const [report, hub, overview] = await Promise.all([
		campaignReport(db, coordinator, editionId),
		editionHub(db, coordinator, editionId),
		enrolmentOverview(db, coordinator, editionId, filterOf({}))
	]);
	return { report: report.figures.pupils, hub: hub.counts.pupils, overview: overview.totals.pupils };
}

/** Each campus's figures as the one value every place should show (a mismatch shows which place differs). */
export const agreed = (f: CampusFigures) => ({
	campus: f.campus,
	page: f.report,
	certificate: f.report,
	certificatePdf: f.report,
	report: f.report,
	csv: f.report
});
