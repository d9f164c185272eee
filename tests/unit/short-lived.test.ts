import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortLived } from '../../src/lib/server/cache/short-lived';

describe('a short-lived cache', () => {
	afterEach(() => vi.useRealTimers());

	it('loads once for readers that come at the same time, and again after its time or forget()', async () => {
		vi.useFakeTimers({ toFake: ['performance'] });
		const cache = shortLived<string, number>(1_000);
		let loads = 0;
		const load = async () => ++loads;
		expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
		vi.advanceTimersByTime(900);
		expect(await cache.get('a', load)).toBe(1);
		vi.advanceTimersByTime(200);
		expect(await cache.get('a', load)).toBe(2);
		cache.forget('a');
		expect(await cache.get('a', load)).toBe(3);
		expect(await cache.get('b', load)).toBe(4);
	});

	it('does not keep a failed load', async () => {
		const cache = shortLived<string, number>(60_000);
		await expect(cache.get('a', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
		expect(await cache.get('a', async () => 7)).toBe(7);
	});
});
