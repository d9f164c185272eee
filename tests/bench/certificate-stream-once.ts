// One bulk certificate PDF of 1,000 pages in a fresh process (run by run.ts), so
// its memory and event-loop numbers are its own:
//   tsx tests/bench/certificate-stream-once.ts <DATABASE_URL> <editionId>
// Streams the Flanders edition's class certificates through the same generator
// and stream as the download route, twice: the first pass issues the
// certificates, the second only reads them. Meanwhile it records how long the
// event loop was held (monitorEventLoopDelay) and how RSS and the heap grow.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { emailKey } from '../../src/lib/server/db/keys';
import { openDatabase } from '../../src/lib/server/db/dialect';
import { bulkClassCertificates } from '../../src/lib/server/certificates/bulk-certificates';
import type { CertificateView } from '../../src/lib/server/certificates/certificate.service';
import { bulkPdfStream } from '../../src/lib/server/pdf/certificate-stream';

const pages = 1000;
const [url, editionId] = process.argv.slice(2);
const handle = await openDatabase(url, { poolSize: 2 });
const coordinator = await handle.db.selectFrom('users').select('id').where('emailKey', '=', emailKey('coordinator@schaal.example.org')).executeTakeFirstOrThrow();
const actor = { id: coordinator.id, displayName: 'bench', roles: ['coordinator' as const] };
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

/** With `heap`, the live heap after a full GC at pages 100 and 1,000 (what the stream keeps, not garbage). */
async function* firstPages(limit: number, heap?: number[]): AsyncGenerator<CertificateView, void, undefined> {
	let n = 0;
	for await (const c of bulkClassCertificates(handle.db, actor, { editionId: Number(editionId), campusId: null })) {
		yield c;
		n++;
		if (heap && (n === 100 || n === pages)) {
			global.gc?.();
			heap.push(mb(process.memoryUsage().heapUsed));
		}
		if (n === limit) return;
	}
}

async function* counted<T>(source: AsyncGenerator<T, void, undefined>, tick: () => void): AsyncGenerator<T, void, undefined> {
	for await (const item of source) {
		tick();
		yield item;
	}
}

/** A separate pass, so the forced GCs do not count as event-loop delay. */
async function memoryPass() {
	const heap: number[] = [];
	const reader = bulkPdfStream(firstPages(pages, heap), { title: 'bench', cityName: 'Stad', locale: 'nl' }).getReader();
	while (!(await reader.read()).done);
	return heap;
}

/**
 * The event-loop delay includes time the OS gave the CPU to other processes (the
 * bench machine is often busy). The CPU time this process used between two
 * ticks of a 1 ms timer is what our own code held the loop for, load or not.
 */
function cpuSlices() {
	const slices: number[] = [];
	let last = process.cpuUsage();
	const timer = setInterval(() => {
		const now = process.cpuUsage();
		slices.push((now.user - last.user + now.system - last.system) / 1000);
		last = now;
	}, 1);
	return () => {
		clearInterval(timer);
		slices.sort((a, b) => a - b);
		const at = (q: number) => Math.round(slices[Math.min(slices.length - 1, Math.floor(slices.length * q))] * 10) / 10;
		return { max: at(1), p99: at(0.99) };
	};
}

async function pass(limit = pages) {
	global.gc?.();
	const baseline = process.memoryUsage();
	let count = 0;
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	const cpu = cpuSlices();
	const started = performance.now();
	let bytes = 0;
	let peakRss = baseline.rss;
	const reader = bulkPdfStream(counted(firstPages(limit), () => count++), { title: 'bench', cityName: 'Stad', locale: 'nl' }).getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read()) {
		bytes += r.value.byteLength;
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}
	const ms = performance.now() - started;
	delay.disable();
	const cpuMs = cpu();
	return {
		ms: Math.round(ms),
		pages: count,
		mb: mb(bytes),
		maxDelayMs: Math.round(delay.max / 1e5) / 10,
		p99DelayMs: Math.round(delay.percentile(99) / 1e5) / 10,
		cpuSliceMs: cpuMs,
		rssMb: [mb(baseline.rss), mb(peakRss)]
	};
}

// A running server has drawn a certificate before: the first pages of a process
// pay for fontkit's and pdfkit's one-off set-up (~0.7 s over pages 1–8), not measured here.
await pass(10);
const issuing = await pass();
const reading = await pass();
const heapAt100And1000Mb = await memoryPass();
await handle.close();
console.log(JSON.stringify({ issuing, reading, heapAt100And1000Mb }));
