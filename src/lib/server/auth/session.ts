import { config } from '../config';
import type { Db } from '../db';
import type { Locale, Role } from '../db/schema';
import { addMs, clock, days, fromDbTime, hours, toDbTime } from '../db/time';
import { listRolesOfUser } from '../users/user.repository';
import { newToken, sha256Hex } from './crypto';
import * as repo from './session.repository';

/**
 * Database sessions in the style of the Lucia guide: the cookie holds a random
 * token, the table only its SHA-256. A session ends at its idle expiry or its
 * absolute expiry, whichever comes first; it is extended only once less than half
 * of its idle life is left, so most requests write nothing.
 */
export const sessionCookieName = 'sc_session';

export interface SessionUser {
	id: number;
	email: string;
	displayName: string;
	locale: Locale;
	roles: Role[];
	organisationId: number | null;
}

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

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	const id = sha256Hex(token);
	const row = await repo.findSessionWithUser(db, id);
	if (!row) return null;
	const now = clock.now();
	const expiresAt = fromDbTime(row.expiresAt);
	let idleExpiresAt = fromDbTime(row.idleExpiresAt);
	if (row.disabled || now >= expiresAt || now >= idleExpiresAt) {
		await repo.removeSession(db, id);
		return null;
	}
	const extended = idleExpiresAt.getTime() - now.getTime() < idleMs() / 2;
	if (extended) {
		idleExpiresAt = new Date(Math.min(addMs(now, idleMs()).getTime(), expiresAt.getTime()));
		await repo.touchSession(db, id, toDbTime(now), toDbTime(idleExpiresAt));
	}
	const roles = await listRolesOfUser(db, row.userId);
	return {
		id,
		expiresAt: idleExpiresAt,
		extended,
		user: {
			id: row.userId,
			email: row.email,
			displayName: row.displayName,
			locale: row.locale,
			roles,
			organisationId: row.organisationId
		}
	};
}

export const invalidateSession = (db: Db, sessionId: string) => repo.removeSession(db, sessionId);

export const invalidateSessionsOfUser = (db: Db, userId: number, exceptSessionId?: string) =>
	repo.removeSessionsOfUser(db, userId, exceptSessionId);

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
