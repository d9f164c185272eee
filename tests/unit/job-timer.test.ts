import { afterEach, describe, expect, it, vi } from 'vitest';
import { startJobTimer } from '../../src/lib/server/jobs/runner';

/** Issue 13, point 11: what shutdown asks of the in-process job timer. */
describe('job timer', () => {
	afterEach(() => vi.useRealTimers());

	it('starts no pass after stop(), and stop() waits for the pass under way', async () => {
		vi.useFakeTimers();
		let passes = 0;
		let finishPass: () => void = () => {};
		const stop = startJobTimer(() => {
			passes++;
			return new Promise<void>((resolve) => (finishPass = resolve));
		}, 10_000);

		await vi.advanceTimersByTimeAsync(5_000);
		expect(passes).toBe(1);

		let stopped = false;
		const stopping = stop().then(() => (stopped = true));
		await vi.advanceTimersByTimeAsync(60_000);
		expect(stopped, 'stop() waits while the pass runs').toBe(false);
		expect(passes, 'no pass after stop()').toBe(1);

		finishPass();
		await stopping;
		expect(stopped).toBe(true);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(passes).toBe(1);
	});

	it('keeps going after a failing pass', async () => {
		vi.useFakeTimers();
		let passes = 0;
		const stop = startJobTimer(async () => {
			passes++;
			throw new Error('database gone');
		}, 10_000);
		await vi.advanceTimersByTimeAsync(25_000);
		expect(passes).toBe(3);
		await stop();
	});
});
