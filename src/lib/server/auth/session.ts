import { config } from '../config';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Role } from '../db/schema';
import { addMs, clock, days, fromDbTime, hours, toDbTime } from '../db/time';
import { newToken, sha256Hex } from './crypto';
import * as repo from './session.repository';
import { cachedSession, forgetSession, forgetSessionsOfUser, rememberSession, type CachedSession } from './session-cache';

/**
 * Database sessions in the style of the Lucia guide: the cookie holds a random
 * token, the table only its SHA-256. A session ends at its idle expiry or its
 * absolute expiry, whichever comes first; it is extended only once less than half
 * of its idle life is left, so most requests write nothing.
 */
export const sessionCookieName = 'sc_session';

export type SessionUser = Pick<Row<'users'>, 'id' | 'email' | 'displayName' | 'locale' | 'organisationId'> & { roles: Role[] };

export interface ValidSession {
	id: string;
	expiresAt: Date;
	/** True when this request moved the idle expiry: only then does the cookie need re-setting. */
	extended: boolean;
	user: SessionUser;
}

const idleMs = () => hours(config().SESSION_IDLE_HOURS);
const absoluteMs = () => days(config().SESSION_ABSOLUTE_DAYS);

export async function createSession(db: Db, userId: number, deviceLabel: string): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const now = clock.now();
	const expiresAt = addMs(now, absoluteMs());
	const idleExpiresAt = new Date(Math.min(addMs(now, idleMs()).getTime(), expiresAt.getTime()));
	await repo.insertSession(db, {
		id: sha256Hex(token),
		userId,
		createdAt: toDbTime(now),
		idleExpiresAt: toDbTime(idleExpiresAt),
		expiresAt: toDbTime(expiresAt),
		deviceLabel: deviceLabel.slice(0, 200)
	});
	return { token, expiresAt: idleExpiresAt };
}

/** The session with its user and roles: from this process's short-lived cache, else one query. */
async function loadSession(db: Db, id: string): Promise<CachedSession | null> {
	const cached = cachedSession(id);
	if (cached) return cached;
	const rows = await repo.findSessionWithUserAndRoles(db, id);
	const row = rows[0];
	if (!row) return null;
	const session: CachedSession = {
		userId: row.userId,
		email: row.email,
		displayName: row.displayName,
		locale: row.locale,
		organisationId: row.organisationId,
		roles: rows.flatMap((r) => (r.role ? [r.role] : [])),
		disabled: !!row.disabled,
		idleExpiresAt: fromDbTime(row.idleExpiresAt),
		expiresAt: fromDbTime(row.expiresAt)
	};
	rememberSession(id, session);
	return session;
}

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	const id = sha256Hex(token);
	const session = await loadSession(db, id);
	if (!session) return null;
	const now = clock.now();
	const { expiresAt } = session;
	let idleExpiresAt = session.idleExpiresAt;
	if (session.disabled || now >= expiresAt || now >= idleExpiresAt) {
		await invalidateSession(db, id);
		return null;
	}
	// Sliding expiry: written at most once per half idle life (a day), so most requests write nothing.
	const extended = idleExpiresAt.getTime() - now.getTime() < idleMs() / 2;
	if (extended) {
		idleExpiresAt = new Date(Math.min(addMs(now, idleMs()).getTime(), expiresAt.getTime()));
		await repo.touchSession(db, id, toDbTime(now), toDbTime(idleExpiresAt));
		rememberSession(id, { ...session, idleExpiresAt });
	}
	return {
		id,
		expiresAt: idleExpiresAt,
		extended,
		user: {
			id: session.userId,
			email: session.email,
			displayName: session.displayName,
			locale: session.locale,
			roles: [...session.roles],
			organisationId: session.organisationId
		}
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	forgetSession(sessionId);
	await repo.removeSession(db, sessionId);
}

export async function invalidateSessionsOfUser(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
	forgetSessionsOfUser(userId);
	await repo.removeSessionsOfUser(db, userId, exceptSessionId);
}

/** A short, human label for the sessions list ("Firefox on Windows"); never the full user agent. */
export function deviceLabelFrom(userAgent: string | null): string {
	if (!userAgent) return '';
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /Chrome\//.test(userAgent)
				? 'Chrome'
				: /Safari\//.test(userAgent)
					? 'Safari'
					: 'Browser';
	const os = /Windows/.test(userAgent)
		? 'Windows'
		: /Android/.test(userAgent)
			? 'Android'
			: /iPhone|iPad/.test(userAgent)
				? 'iOS'
				: /Mac OS X/.test(userAgent)
					? 'macOS'
					: /Linux/.test(userAgent)
						? 'Linux'
						: '';
	return os ? `${browser} · ${os}` : browser;
}
