import type { Kysely } from 'kysely';
import { bucket, recordFailure, secondsBlocked, type Rule } from '../auth/rate-limit';
import { textKey } from '../db/keys';
import type { Database } from '../db/schema';
import { fromDbTime, minutes } from '../db/time';
import { RateLimitedError } from '../errors';
import type { CertificateFacts, CertificateKind } from './certificate-facts';
import * as repo from './certificate.repository';
import { normaliseCode } from './code';

/**
 * What the public verification page may show. Never the trainer's name: only
 * whether a name the visitor typed matches it. An unknown code and a malformed
 * one give the same answer, so guessing learns nothing about closeness.
 */
export type Verification =
	| { status: 'unknown' }
	| {
			status: 'valid' | 'revoked';
			code: string;
			kind: CertificateKind;
			issuedAt: Date;
			revokedAt: Date | null;
			editionName: string;
			editionYear: number;
			campaignName: string;
			schoolName: string | null;
			campusName: string | null;
			className: string | null;
			workshopDates: string[];
			organisationName: string | null;
			workshopsGiven: number | null;
			/** null: no name typed (or not a trainer certificate). */
			nameMatches: boolean | null;
	  };

export async function verifyCertificate(db: Kysely<Database>, codeInput: string, typedName?: string | null): Promise<Verification> {
	const code = normaliseCode(codeInput);
	const row = code ? await repo.findCertificateByCode(db, code) : undefined;
	if (!row) return { status: 'unknown' };
	const facts = JSON.parse(row.factsJson) as CertificateFacts;
	const typed = typedName?.trim().slice(0, 200);
	const nameMatches = row.kind === 'trainer' && typed && facts.trainerName ? textKey(typed) === textKey(facts.trainerName) : null;
	return {
		status: row.active === 1 ? 'valid' : 'revoked',
		code: row.code,
		kind: row.kind,
		issuedAt: fromDbTime(row.issuedAt),
		revokedAt: row.revokedAt ? fromDbTime(row.revokedAt) : null,
		editionName: facts.editionName,
		editionYear: facts.editionYear,
		campaignName: facts.campaignName,
		schoolName: facts.schoolName,
		campusName: facts.campusName,
		className: facts.className,
		workshopDates: [...new Set(facts.workshops.map((w) => w.date))],
		organisationName: row.kind === 'trainer' ? facts.organisationName : null,
		workshopsGiven: facts.workshopsGiven,
		nameMatches
	};
}

/**
 * Every lookup counts against the client's address: a school reading a stack of
 * certificates stays well below, a script guessing codes is stopped quickly.
 */
export const verifyRule: Rule = { limit: 60, windowMs: minutes(10), blockMs: () => minutes(10) };

export async function limitVerify(db: Kysely<Database>, address: string): Promise<void> {
	const wait = await verifyWaitSeconds(db, address);
	if (wait > 0) throw new RateLimitedError(wait);
}

/**
 * The same limit as limitVerify, told as a number for the page (which answers a
 * blocked client with its own 429): the seconds to wait, or 0 when the attempt
 * may go ahead (and is counted).
 */
export async function verifyWaitSeconds(db: Kysely<Database>, address: string): Promise<number> {
	const name = bucket('verify-a', address);
	const wait = await secondsBlocked(db, [name]);
	if (wait > 0) return wait;
	await recordFailure(db, name, verifyRule);
	return 0;
}
