import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { fonts } from '../pdf/fonts';
import { beginRender, warmUp, type RenderBatch, type RenderInit, type RenderJob } from './render-jobs';

/**
 * A render worker's thread (render-pool.ts starts it): one job at a time, each
 * request of the pool answered by exactly one 'ack' or 'error', bytes posted
 * ahead of it in order (their buffers transferred, not copied).
 */
export type ToWorker = { op: 'begin'; init: RenderInit } | { op: 'add'; batch: RenderBatch } | { op: 'finish' };
export type FromWorker = { op: 'bytes'; bytes: Uint8Array } | { op: 'ack' } | { op: 'error'; message: string };

// Below the event loop's thread: on Linux a thread's nice value is its own, so a
// page request on the main thread is scheduled ahead of a PDF being drawn here
// (the point of the workers: a download never slows another user's page).
try {
	os.setPriority(10);
} catch {
	// Not allowed here (some containers): the worker still runs, at normal priority.
}

// Parsed and compiled now, while the thread waits for its first job (~0.3 s for the
// two TTFs, then a throw-away report). A job that comes meanwhile simply runs alongside.
fonts();
void warmUp().catch(() => {});

const port = parentPort!;
let job: RenderJob | null = null;

// pdfkit hands out every PDF object as its own small chunk (tens of thousands in a
// report): posted one by one, the messages and the HTTP writes they cause on the
// main thread cost more than the drawing. Gathered to 64 kB, copied once, moved.
const flushAt = 64 * 1024;
let gathered: Uint8Array[] = [];
let gatheredBytes = 0;

function flush(): void {
	if (gatheredBytes === 0) return;
	const out = new Uint8Array(gatheredBytes);
	let at = 0;
	for (const part of gathered) {
		out.set(part, at);
		at += part.byteLength;
	}
	gathered = [];
	gatheredBytes = 0;
	port.postMessage({ op: 'bytes', bytes: out } satisfies FromWorker, [out.buffer]);
}

const emit = (bytes: Uint8Array) => {
	// Kept as given (pdfkit and fflate hand out fresh buffers) and copied once, in flush.
	gathered.push(bytes);
	gatheredBytes += bytes.byteLength;
	if (gatheredBytes >= flushAt) flush();
};

async function handle(msg: ToWorker): Promise<void> {
	if (msg.op === 'begin') job = beginRender(msg.init, emit);
	else if (msg.op === 'add') await job!.add(msg.batch);
	else {
		await job!.finish();
		job = null;
	}
}

// One message at a time: the pool sends the next only after the ack.
port.on('message', (msg: ToWorker) => {
	handle(msg).then(
		() => {
			flush();
			port.postMessage({ op: 'ack' } satisfies FromWorker);
		},
		(err: unknown) => {
			job = null;
			gathered = [];
			gatheredBytes = 0;
			port.postMessage({ op: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
		}
	);
});
