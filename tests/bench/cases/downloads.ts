import type { BenchContext } from '../context';
import { MB } from '../context';
import { download, pageHeaders, type Download } from '../http';
import { runLoad, startLoad, unexpected } from '../load';

/**
 * The heavy downloads of a coordinator on the Flanders edition: the bulk
 * certificate PDF, the enrolment exports, the council report; and what another
 * user (a teacher on their start page) notices while each of them runs.
 */
export interface Sessions {
	coordinator: string;
	teacher: string;
}

export const paths = (editionId: number) => ({
	certificates: `/api/editions/${editionId}/certificates/pdf`,
	csv: `/coordinator/editions/${editionId}/enrolments/export/csv?status=all`,
	xlsx: `/coordinator/editions/${editionId}/enrolments/export/xlsx?status=all`,
	report: `/coordinator/editions/${editionId}/report/report-nl.pdf`,
	lightPage: '/teacher'
});

const seconds = (d: Download) => d.ms / 1000;
const growth = (d: Download) => d.rssPeakMb - d.rssBeforeMb;

/** Pages per second of the first bulk download (it issues the certificates), then of a second one (they exist). */
export async function bulkCertificates(ctx: BenchContext, editionId: number, s: Sessions): Promise<void> {
	const name = 'bulk certificates PDF, Flanders edition';
	const first = await download(ctx.server, paths(editionId).certificates, s.coordinator, { maxPages: ctx.opts.certPages });
	const note = (d: Download) =>
		`${d.pages} pages${d.stoppedEarly ? ' (the first ones; --cert-pages)' : ''}, ${MB(d.bytes).toFixed(1)} MB in ${seconds(d).toFixed(1)} s, server RSS +${Math.round(growth(d))} MB`;
	const firstRate = first.pages / seconds(first);
	ctx.record({ case: name, metric: 'first download', value: firstRate, unit: 'pages/s', target: '≥ 150 pages/s', met: firstRate >= 150, note: note(first) });
	const again = await download(ctx.server, paths(editionId).certificates, s.coordinator, { maxPages: first.pages });
	ctx.record({ case: name, metric: 'later download', value: again.pages / seconds(again), unit: 'pages/s', note: note(again) });
}

/** CSV and XLSX of all 100,000 classes: time to the last byte and how much the server's RSS grows meanwhile. */
export async function enrolmentExports(ctx: BenchContext, editionId: number, s: Sessions): Promise<void> {
	const csv = await download(ctx.server, paths(editionId).csv, s.coordinator);
	const name = 'enrolments export, all classes';
	ctx.record({ case: `${name}, CSV`, metric: 'time', value: seconds(csv), unit: 's', note: `${MB(csv.bytes).toFixed(1)} MB` });
	ctx.record({ case: `${name}, CSV`, metric: 'server RSS growth', value: growth(csv), unit: 'MB' });
	const xlsx = await download(ctx.server, paths(editionId).xlsx, s.coordinator);
	ctx.record({
		case: `${name}, XLSX`,
		metric: 'time',
		value: seconds(xlsx),
		unit: 's',
		target: "≤ 2× the CSV's time",
		met: seconds(xlsx) <= 2 * seconds(csv),
		note: `${MB(xlsx.bytes).toFixed(1)} MB, ${(seconds(xlsx) / seconds(csv)).toFixed(1)}× the CSV's time`
	});
	ctx.record({ case: `${name}, XLSX`, metric: 'server RSS growth', value: growth(xlsx), unit: 'MB', target: '< 100 MB', met: growth(xlsx) < 100 });
}

/** The council report PDF while the server is warm, then the first one after a restart. */
export async function councilReport(ctx: BenchContext, editionId: number, s: Sessions): Promise<void> {
	const name = 'council report PDF, Flanders edition';
	const warm = await download(ctx.server, paths(editionId).report, s.coordinator);
	ctx.record({ case: name, metric: 'time', value: seconds(warm), unit: 's', target: '< 2 s', met: seconds(warm) < 2, note: `${MB(warm.bytes).toFixed(1)} MB` });
	ctx.record({ case: name, metric: 'server RSS growth', value: growth(warm), unit: 'MB' });
	// Sessions live in the database: the cookie still holds after the restart.
	await ctx.server.stop();
	await ctx.server.start();
	const cold = await download(ctx.server, paths(editionId).report, s.coordinator);
	ctx.record({ case: name, metric: 'time, first after a restart', value: seconds(cold), unit: 's', target: '< 2 s', met: seconds(cold) < 2 });
}

/** Connections of the light page: one user clicking about, and a second one. */
const lightConnections = 2;

/**
 * Latency of a light page (the teacher's start page) for other users while a
 * coordinator's heavy download runs, against the same page when the server is
 * otherwise idle.
 */
export async function lightPageDuringDownloads(ctx: BenchContext, editionId: number, s: Sessions): Promise<void> {
	const name = 'teacher page p99 while another user downloads';
	const url = `${ctx.server.origin}${paths(editionId).lightPage}`;
	const headers = pageHeaders(s.teacher);
	const idle = await runLoad({ url, connections: lightConnections, duration: ctx.opts.duration, headers });
	ctx.record({
		case: name,
		metric: 'idle',
		value: idle.p99,
		unit: 'ms',
		note: [`${lightConnections} connections`, unexpected(idle, 200)].filter(Boolean).join('; ')
	});
	const heavy = [
		['during the bulk certificates PDF', paths(editionId).certificates, { maxPages: ctx.opts.certPages }],
		['during the XLSX export', paths(editionId).xlsx, {}],
		['during the report PDF', paths(editionId).report, {}]
	] as const;
	for (const [label, path, opts] of heavy) {
		const light = startLoad({ url, connections: lightConnections, duration: 3600, headers });
		let d: Download;
		try {
			d = await download(ctx.server, path, s.coordinator, opts);
		} finally {
			light.stop();
		}
		const r = await light.done;
		// No page answered while the download ran: each one waited at least that long
		// (autocannon reports p99 0 then, which must not read as "fast").
		const p99 = r.requests === 0 ? Math.round(seconds(d) * 1000) : r.p99;
		ctx.record({
			case: name,
			metric: label,
			value: p99,
			unit: 'ms',
			ratioToBare: null,
			target: '≤ 2× idle',
			met: r.requests > 0 && p99 <= 2 * idle.p99,
			note: [
				r.requests === 0
					? `no page answered during the ${seconds(d).toFixed(1)} s download`
					: `${(p99 / idle.p99).toFixed(1)}× idle, ${r.requests} requests in ${seconds(d).toFixed(1)} s`,
				unexpected(r, 200)
			]
				.filter(Boolean)
				.join('; ')
		});
	}
}
