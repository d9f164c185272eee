/**
 * Edition-wide figures of the enrolment overview (its totals per filter, and the
 * filter's level and grade choices), kept in this process between page views:
 * on the Flanders edition the totals are an aggregate over 100,000 classes that
 * every view (and every page of the list) would otherwise repeat.
 *
 * Why a version and not a time limit: several app processes run behind the load
 * balancer, and a class written through one must not leave another showing old
 * figures (a coordinator who withdraws a class and returns to the overview
 * expects it gone, whichever process answers). Every class write raises the
 * edition's version in edition_class_counters, in the transaction that writes the
 * class; a view reads that one row by primary key and drops what it holds for an
 * older version. So figures are never staler than the database, at the cost of
 * one key lookup per view. The choices depend on the edition's grades, so they
 * are keyed by the edition's updated_at instead.
 *
 * The campus order of a school or campus sort (the campuses with classes, by
 * school and campus name: ~20 ms on Flanders) follows the version too, but also
 * depends on names, which a campus or school edit changes without touching a
 * class: that order is kept at most a minute, so a rename moves its campus in
 * the sort within a minute (the rows always show the current names).
 */
const maxEditions = 20;
const maxFiltersPerEdition = 50;
const orderMaxAgeMs = 60_000;

interface Entry {
	version: number;
	totals: Map<string, unknown>;
	orders: Map<string, { at: number; value: unknown }>;
	choices: { updatedAt: string; value: unknown } | null;
}

const entries = new Map<number, Entry>();

/** The edition's entry at this version; an entry of another version is dropped. */
function entryAt(editionId: number, version: number): Entry {
	let entry = entries.get(editionId);
	if (!entry || entry.version !== version) {
		entry = { version, totals: new Map(), orders: new Map(), choices: entry?.choices ?? null };
		entries.set(editionId, entry);
		// The least recently written edition goes first (a Map keeps insertion order).
		if (entries.size > maxEditions) entries.delete(entries.keys().next().value!);
	}
	return entry;
}

/** Totals of a filter (named by `key`) at the edition's version, computed once per version. */
export async function cachedTotals<T>(editionId: number, version: number, key: string, compute: () => Promise<T>): Promise<T> {
	const entry = entryAt(editionId, version);
	if (entry.totals.has(key)) return entry.totals.get(key) as T;
	const value = await compute();
	// Written to the entry read before computing: a write meanwhile raised the version, and the next view drops it.
	if (entry.totals.size >= maxFiltersPerEdition) entry.totals.delete(entry.totals.keys().next().value!);
	entry.totals.set(key, value);
	return value;
}

/** A campus order (named by `key`) at the edition's version, at most a minute old. */
export async function cachedCampusOrder<T>(editionId: number, version: number, key: string, compute: () => Promise<T>): Promise<T> {
	const entry = entryAt(editionId, version);
	const hit = entry.orders.get(key);
	if (hit && Date.now() - hit.at < orderMaxAgeMs) return hit.value as T;
	const value = await compute();
	if (entry.orders.size >= maxFiltersPerEdition) entry.orders.delete(entry.orders.keys().next().value!);
	entry.orders.set(key, { at: Date.now(), value });
	return value;
}

/** The filter's choices of an edition, recomputed when the edition itself changed. */
export async function cachedChoices<T>(editionId: number, version: number, updatedAt: string, compute: () => Promise<T>): Promise<T> {
	const entry = entryAt(editionId, version);
	if (entry.choices?.updatedAt === updatedAt) return entry.choices.value as T;
	const value = await compute();
	entry.choices = { updatedAt, value };
	return value;
}

/** Forgets everything (tests, whose databases start again at version 0). */
export function forgetCachedOverviews(): void {
	entries.clear();
}
