import type { BenchContext } from '../context';
import { kB, ratio } from '../context';
import { getPage, pageHeaders } from '../http';
import { runLoad, unexpected } from '../load';
import type { BenchServer } from '../server';

/** Connections for the page cases: enough to keep both cores busy. */
export const pageConnections = 10;

/** A short load that is not counted, so the measurement starts on a warm server (JIT, caches, pools). */
const warmUp = (url: string, duration: number, connections: number, headers: Record<string, string>) =>
	runLoad({ url, connections, duration: Math.min(2, duration / 2), headers });

/** Bare: the login page without a session, the yardstick of every ratio (measured on each server, in the same run). */
export async function measureBare(server: BenchServer, duration: number): Promise<{ requestsPerSecond: number; p99: number; note?: string }> {
	await getPage(server.origin, '/login');
	await warmUp(`${server.origin}/login`, duration, pageConnections, pageHeaders());
	const r = await runLoad({ url: `${server.origin}/login`, connections: pageConnections, duration, headers: pageHeaders() });
	return { requestsPerSecond: r.requestsPerSecond, p99: r.p99, note: unexpected(r, 200) };
}

export interface PageCase {
	name: string;
	path: string;
	cookie: string;
	/** Least throughput as a share of bare (issue 14's target), if any. */
	minRatio?: number;
	connections?: number;
	/** Largest p99 (ms) at those connections, if the issue sets one. */
	maxP99?: number;
	/** Largest page (kB), if the issue sets one. */
	maxKb?: number;
	note?: string;
}

/** A logged-in page under load: throughput (and its ratio to bare), p99, and the size of the page. */
export async function measurePage(ctx: BenchContext, c: PageCase): Promise<void> {
	const page = await getPage(ctx.server.origin, c.path, c.cookie);
	const connections = c.connections ?? pageConnections;
	await warmUp(`${ctx.server.origin}${c.path}`, ctx.opts.duration, connections, pageHeaders(c.cookie));
	const r = await runLoad({ url: `${ctx.server.origin}${c.path}`, connections, duration: ctx.opts.duration, headers: pageHeaders(c.cookie) });
	const errors = unexpected(r, 200);
	const note = [c.note, `${connections} connections`, errors].filter(Boolean).join('; ');
	const share = ratio(ctx, r.requestsPerSecond);
	ctx.record({
		case: c.name,
		metric: 'throughput',
		value: r.requestsPerSecond,
		unit: 'req/s',
		ratioToBare: share,
		...(c.minRatio ? { target: `≥ ${c.minRatio}× bare`, met: share >= c.minRatio && !errors } : {}),
		note
	});
	ctx.record({
		case: c.name,
		metric: 'latency p99',
		value: r.p99,
		unit: 'ms',
		...(c.maxP99 ? { target: `< ${c.maxP99} ms at ${connections} connections`, met: r.p99 < c.maxP99 && !errors } : {}),
		note
	});
	ctx.record({
		case: c.name,
		metric: 'page size',
		value: kB(page.bytes),
		unit: 'kB',
		...(c.maxKb ? { target: `< ${c.maxKb} kB`, met: kB(page.bytes) < c.maxKb } : {})
	});
}
