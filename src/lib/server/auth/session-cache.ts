import type { Locale, Role } from '../db/schema';

/**
 * Every request of a signed-in user reads its session, user and roles. This keeps
 * that answer for a few seconds per process, keyed by the session id (the token's
 * SHA-256, never the token), so a page costs no session query at all while the user
 * clicks around.
 *
 * Eviction: everything in this process that changes what is kept here forgets it
 * at once (logout, sessions ended, a user's row or roles written: disable, password,
 * name, locale, role added, account removed). Another process behind the same load
 * balancer may go on trusting its copy for at most `sessionCacheMs`. That is
 * accepted: a request that began just before the change runs with the old rights
 * anyway, a disabled or logged-out user loses access within seconds rather than at
 * once, and the alternative (a version column) would need a query per request,
 * which is what this saves. Expiry is checked against the clock on every hit.
 */
export const sessionCacheMs = 5_000;
/** Bounded, so a burst of sessions cannot grow the process. */
const maxEntries = 10_000;

export interface CachedSession {
	userId: number;
	email: string;
	displayName: string;
	locale: Locale;
	organisationId: number | null;
	roles: Role[];
	disabled: boolean;
	idleExpiresAt: Date;
	expiresAt: Date;
}

const entries = new Map<string, { at: number; session: CachedSession }>();

/** A monotonic clock: the app's injectable clock is frozen in tests and jumps by days. */
const elapsedMs = () => performance.now();

export function cachedSession(id: string): CachedSession | null {
	const entry = entries.get(id);
	if (!entry) return null;
	if (elapsedMs() - entry.at > sessionCacheMs) {
		entries.delete(id);
		return null;
	}
	return entry.session;
}

export function rememberSession(id: string, session: CachedSession): void {
	entries.delete(id);
	entries.set(id, { at: elapsedMs(), session });
	if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
}

export function forgetSession(id: string): void {
	entries.delete(id);
}

/** After any write to the user's row, roles or sessions. */
export function forgetSessionsOfUser(userId: number): void {
	for (const [id, entry] of entries) if (entry.session.userId === userId) entries.delete(id);
}

export function forgetAllSessions(): void {
	entries.clear();
}
