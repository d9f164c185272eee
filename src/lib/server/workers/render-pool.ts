import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { config } from '../config';
import { BusyError } from '../errors';
import { logger } from '../log';
import { beginRender, type RenderBatch, type RenderInit, type RenderJob } from './render-jobs';
import type { FromWorker, ToWorker } from './render-worker';

/**
 * Heavy downloads (report PDF, bulk certificates) are drawn on render workers,
 * not on the thread that answers every other request: a 4-second report used to
 * hold up each page of every user for those seconds (issue 14). A small pool of
 * threads, one job at a time each; downloads beyond them wait in a bounded queue,
 * and beyond the queue (or after waiting too long) the answer is 503 with
 * Retry-After, "busy, try again": better than a server that slows down for all.
 * A job holds its worker until its last byte is taken (a streamed PDF follows
 * the client's pace); a cancelled download ends its worker at once.
 */
export class RenderBusyError extends BusyError {
	constructor() {
		super('render_busy', 30);
	}
}

/** One thread's way of running a job: a real worker, or the calling thread. */
interface Runner {
	call(msg: ToWorker): Promise<void>;
	onBytes: ((bytes: Uint8Array) => void) | null;
	/** Ends a job midway: a worker is terminated (and replaced on demand). */
	kill(): void;
	dead: boolean;
}

class WorkerRunner implements Runner {
	onBytes: ((bytes: Uint8Array) => void) | null = null;
	dead = false;
	private pending: { resolve: () => void; reject: (err: Error) => void } | null = null;
	private worker: Worker;

	constructor(file: string) {
		this.worker = new Worker(file);
		// Idle workers must not keep a stopping server alive; a download in flight does (its socket).
		this.worker.unref();
		this.worker.on('message', (msg: FromWorker) => {
			if (msg.op === 'bytes') this.onBytes?.(msg.bytes);
			else this.settle(msg.op === 'ack' ? null : new Error(`render worker: ${msg.message}`));
		});
		this.worker.on('error', (err) => this.fail(err));
		this.worker.on('exit', (code) => this.fail(new Error(`render worker exited (${code})`)));
	}

	private settle(err: Error | null) {
		const p = this.pending;
		this.pending = null;
		if (err) p?.reject(err);
		else p?.resolve();
	}

	private fail(err: Error) {
		if (this.dead) return;
		this.dead = true;
		this.settle(err);
	}

	call(msg: ToWorker): Promise<void> {
		if (this.dead) return Promise.reject(new Error('render worker is gone'));
		return new Promise((resolve, reject) => {
			this.pending = { resolve, reject };
			this.worker.postMessage(msg);
		});
	}

	kill() {
		this.fail(new Error('render job cancelled'));
		void this.worker.terminate();
	}
}

/** No worker file (a build from before the workers, or RENDER_WORKERS=0): the job runs here. */
class InlineRunner implements Runner {
	onBytes: ((bytes: Uint8Array) => void) | null = null;
	dead = false;
	private job: RenderJob | null = null;

	async call(msg: ToWorker): Promise<void> {
		if (msg.op === 'begin') this.job = beginRender(msg.init, (bytes) => this.onBytes?.(bytes));
		else if (msg.op === 'add') await this.job!.add(msg.batch);
		else await this.job!.finish();
	}

	kill() {
		this.dead = true;
	}
}

/**
 * Where the worker's code is: next to its TypeScript source when running from
 * source (vite dev, Vitest: through tsx), else build/workers/render-worker.js,
 * written by `npm run build` (vite.worker.config.ts) beside build/server.
 */
export function workerFile(): string | null {
	const here = fileURLToPath(import.meta.url);
	if (here.endsWith('.ts')) return path.join(path.dirname(here), 'dev-render-worker.mjs');
	for (let dir = path.dirname(here), i = 0; i < 4; i++, dir = path.dirname(dir)) {
		const file = path.join(dir, 'workers', 'render-worker.js');
		if (existsSync(file)) return file;
	}
	return null;
}

interface Waiter {
	resolve: (runner: Runner) => void;
	reject: (err: Error) => void;
	timer: NodeJS.Timeout;
}

export class RenderPool {
	private idle: Runner[] = [];
	private busy = 0;
	private queue: Waiter[] = [];

	constructor(
		private readonly size: number,
		private readonly queueLimit: number,
		private readonly waitMs: number,
		private readonly file: string | null
	) {}

	/** Running and waiting jobs, for tests and the log. */
	get load() {
		return { running: this.busy, waiting: this.queue.length };
	}

	private spawn(): Runner {
		return this.file ? new WorkerRunner(this.file) : new InlineRunner();
	}

	/** Starts every worker ahead of the first download (each parses the PDF fonts as it starts). */
	warm(): void {
		while (this.idle.length + this.busy < this.size) this.idle.push(this.spawn());
	}

	/** A runner for one job; waits in the queue when all are busy, RenderBusyError beyond it. */
	acquire(): Promise<Runner> {
		if (this.busy < this.size) {
			this.busy++;
			let runner = this.idle.pop();
			while (runner?.dead) runner = this.idle.pop();
			return Promise.resolve(runner ?? this.spawn());
		}
		if (this.queue.length >= this.queueLimit) return Promise.reject(new RenderBusyError());
		return new Promise((resolve, reject) => {
			const waiter: Waiter = {
				resolve,
				reject,
				timer: setTimeout(() => {
					this.queue.splice(this.queue.indexOf(waiter), 1);
					reject(new RenderBusyError());
				}, this.waitMs)
			};
			waiter.timer.unref();
			this.queue.push(waiter);
		});
	}

	/** A job is over: its runner goes to the next waiter (a dead one is replaced). */
	release(runner: Runner): void {
		runner.onBytes = null;
		const next = this.queue.shift();
		if (next) {
			clearTimeout(next.timer);
			next.resolve(runner.dead ? this.spawn() : runner);
			return;
		}
		this.busy--;
		if (!runner.dead) this.idle.push(runner);
	}

	/**
	 * The job's output as a stream. Resolves once a worker is free, so a busy
	 * server says so before any header is sent. With `batches`, each pull of the
	 * stream feeds one batch: input is read only as fast as the client downloads.
	 */
	async stream(
		init: RenderInit,
		batches: AsyncIterator<RenderBatch, void> | null,
		signal?: AbortSignal,
		options: { readAhead?: boolean } = {}
	): Promise<ReadableStream<Uint8Array>> {
		const runner = await this.acquire();
		// With readAhead the next batch is read while the worker draws this one (the
		// database and the worker then run side by side); without, input is read
		// strictly on demand (bulk certificates: reading issues them).
		let ahead: Promise<IteratorResult<RenderBatch, void>> | null = null;
		const nextBatch = (): Promise<IteratorResult<RenderBatch, void>> => {
			const next = ahead ?? batches!.next();
			ahead = null;
			return next;
		};
		let over = false;
		let emitted = 0;
		let output: ReadableStreamDefaultController<Uint8Array> | null = null;
		const end = (cancelled: boolean) => {
			if (over) return;
			over = true;
			if (cancelled) runner.kill();
			this.release(runner);
			if (cancelled) void batches?.return?.();
		};
		// The client went away: stop drawing. A cut-off zip (workbook, archive) is no
		// file at all, so that stream fails; a PDF ends cut off, as a cancelled pdfkit
		// document ends (a cache that sees the signal keeps nothing).
		const abort = () => {
			if (over) return;
			end(true);
			try {
				if (init.kind === 'xlsx' || init.kind === 'certificates-zip') output?.error(signal?.reason);
				else output?.close();
			} catch {
				// Already closed or cancelled.
			}
		};
		signal?.addEventListener('abort', abort, { once: true });
		const fail = (controller: ReadableStreamDefaultController<Uint8Array>, err: unknown) => {
			if (over) return;
			logger.error('render job failed', { kind: init.kind, error: (err as Error).message });
			end(true);
			controller.error(err);
		};
		return new ReadableStream<Uint8Array>(
			{
				async start(controller) {
					output = controller;
					runner.onBytes = (bytes) => {
						if (over) return;
						emitted++;
						controller.enqueue(bytes);
					};
					if (signal?.aborted) return abort();
					await runner.call({ op: 'begin', init }).catch((err) => fail(controller, err));
				},
				async pull(controller) {
					try {
						// A pull must enqueue something (or end): the stream does not pull again on its own.
						for (const before = emitted; !over && emitted === before;) {
							const next = batches ? await nextBatch() : { done: true as const, value: undefined };
							if (over) return;
							if (next.done) {
								await runner.call({ op: 'finish' });
								end(false);
								controller.close();
								return;
							}
							const drawn = runner.call({ op: 'add', batch: next.value });
							if (options.readAhead) {
								ahead = batches!.next();
								// Awaited by the next pull; a failure must not count as unhandled meanwhile.
								ahead.catch(() => {});
							}
							await drawn;
						}
					} catch (err) {
						fail(controller, err);
					}
				},
				cancel: () => end(true)
			},
			{ highWaterMark: 0 }
		);
	}
}

let shared: RenderPool | null = null;

/** The process's pool, sized from config (RENDER_WORKERS, RENDER_QUEUE, RENDER_QUEUE_WAIT_SECONDS). */
export function renderPool(): RenderPool {
	if (shared) return shared;
	const c = config();
	const size = c.RENDER_WORKERS ?? Math.min(4, Math.max(2, os.availableParallelism()));
	const file = size > 0 ? workerFile() : null;
	if (size > 0 && !file)
		logger.warn('render worker not found (build/workers/render-worker.js): heavy downloads are drawn on the request thread; run npm run build');
	shared = new RenderPool(Math.max(1, size), c.RENDER_QUEUE, c.RENDER_QUEUE_WAIT_SECONDS * 1000, file);
	return shared;
}
