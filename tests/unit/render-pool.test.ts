import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { RenderBatch, RenderInit } from '../../src/lib/server/workers/render-jobs';
import { RenderBusyError, RenderPool, workerFile } from '../../src/lib/server/workers/render-pool';

const sheet = { name: 'Klassen', header: ['Klas', 'Leerlingen', 'Ingeschreven'], widths: [12, 10, 14], dateFormat: 'dd/mm/yyyy' };
const xlsx: RenderInit = { kind: 'xlsx', sheet };

async function* rowBatches(count: number, size = 100): AsyncGenerator<RenderBatch, void> {
	for (let start = 0; start < count; start += size) {
		yield {
			rows: Array.from({ length: Math.min(size, count - start) }, (_, i) => [
				`${start + i + 1}A`,
				20 + ((start + i) % 5),
				new Date(Date.UTC(2027, 0, 1 + ((start + i) % 28)))
			])
		};
	}
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

/** A job that holds its worker until `release()`: a download whose client has not read yet. */
async function heldJob(pool: RenderPool) {
	const stream = await pool.stream(xlsx, rowBatches(50));
	const reader = stream.getReader();
	await reader.read();
	return {
		release: async () => {
			while (!(await reader.read()).done);
		}
	};
}

describe('render workers', () => {
	const file = workerFile();

	it('draws on a worker thread what the request thread would draw, also reading ahead', async () => {
		const onWorker = new RenderPool(1, 0, 1000, file);
		const inline = new RenderPool(1, 0, 1000, null);
		const [a, b] = await Promise.all([
			bytesOf(await onWorker.stream(xlsx, rowBatches(1200), undefined, { readAhead: true })),
			bytesOf(await inline.stream(xlsx, rowBatches(1200)))
		]);
		const [rowsA, rowsB] = [await readSheet(a), await readSheet(b)];
		expect(rowsA).toHaveLength(1201);
		expect(rowsA[1200]).toEqual(['1200A', 24, new Date(Date.UTC(2027, 0, 24))]);
		expect(rowsA).toEqual(rowsB);
	});

	it('queues downloads beyond its workers and says "busy" beyond the queue', async () => {
		const pool = new RenderPool(1, 1, 10_000, file);
		const first = await heldJob(pool);
		const second = pool.stream(xlsx, rowBatches(10));
		await expect(pool.stream(xlsx, rowBatches(10))).rejects.toBeInstanceOf(RenderBusyError);
		expect(pool.load).toEqual({ running: 1, waiting: 1 });
		await first.release();
		const rows = await readSheet(await bytesOf(await second));
		expect(rows).toHaveLength(11);
		expect(pool.load).toEqual({ running: 0, waiting: 0 });
	});

	it('says "busy" to a download that waited longer than allowed, with when to try again', async () => {
		const pool = new RenderPool(1, 5, 200, file);
		const first = await heldJob(pool);
		const err = await pool.stream(xlsx, rowBatches(10)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(RenderBusyError);
		expect((err as RenderBusyError).status).toBe(503);
		expect((err as RenderBusyError).retryAfterSeconds).toBeGreaterThan(0);
		await first.release();
	});

	it('frees the worker of a cancelled download at once, and the next download gets a working one', async () => {
		const pool = new RenderPool(1, 0, 1000, file);
		let read = 0;
		async function* endless(): AsyncGenerator<RenderBatch, void> {
			for (;;) {
				read++;
				yield { rows: [['x', 1, null]] };
			}
		}
		const abort = new AbortController();
		const reader = (await pool.stream(xlsx, endless(), abort.signal)).getReader();
		await reader.read();
		abort.abort();
		await expect(reader.read()).rejects.toBeDefined();
		const seen = read;
		await new Promise((r) => setTimeout(r, 50));
		expect(read).toBe(seen);
		expect(pool.load.running).toBe(0);
		expect(await readSheet(await bytesOf(await pool.stream(xlsx, rowBatches(3))))).toHaveLength(4);
	});

	it('fails a download whose job fails, and keeps serving the next', async () => {
		const pool = new RenderPool(1, 0, 1000, file);
		const broken: RenderInit = { kind: 'report-pdf', view: null as never };
		await expect(bytesOf(await pool.stream(broken, null))).rejects.toThrow(/render worker/);
		expect(await readSheet(await bytesOf(await pool.stream(xlsx, rowBatches(2))))).toHaveLength(3);
	});
});
