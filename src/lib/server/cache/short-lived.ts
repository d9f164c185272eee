/**
 * A per-process cache of values read from the database, kept for a few seconds:
 * for figures every page shows that change rarely or need not be exact to the
 * second. Concurrent readers of a missing value share one load, and a failed
 * load is not kept. Writers in this process call forget(); other processes see a
 * change within ttlMs.
 */
export function shortLived<K, V>(ttlMs: number) {
	const entries = new Map<K, { at: number; value: Promise<V> }>();
	return {
		get(key: K, load: () => Promise<V>): Promise<V> {
			const hit = entries.get(key);
			if (hit && performance.now() - hit.at <= ttlMs) return hit.value;
			const entry = { at: performance.now(), value: load() };
			entries.set(key, entry);
			entry.value.catch(() => {
				if (entries.get(key) === entry) entries.delete(key);
			});
			return entry.value;
		},
		forget(key?: K): void {
			if (key === undefined) entries.clear();
			else entries.delete(key);
		}
	};
}
