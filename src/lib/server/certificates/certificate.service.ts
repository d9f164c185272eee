import type { Db } from '../db';
import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import { audit } from '../audit/audit';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { fromDbTime, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, DomainError, NotFoundError } from '../errors';
import { buildSubject, type BuiltSubject, type CertificateFacts, type CertificateKind, type Subject } from './certificate-facts';
import * as repo from './certificate.repository';
import { newCode } from './code';

export type { CertificateFacts, CertificateKind } from './certificate-facts';

export interface CertificateView {
	id: number;
	code: string;
	kind: CertificateKind;
	issuedAt: Date;
	facts: CertificateFacts;
	branding: {
		titleNl: string | null;
		titleEn: string | null;
		primaryColor: string | null;
		accentColor: string | null;
		logoSha256: string | null;
		logoType: string | null;
	};
}

export function toView(row: repo.CertificateRow): CertificateView {
	return {
		id: row.id,
		code: row.code,
		kind: row.kind,
		issuedAt: fromDbTime(row.issuedAt),
		facts: JSON.parse(row.factsJson) as CertificateFacts,
		branding: {
			titleNl: row.certificateTitleNl,
			titleEn: row.certificateTitleEn,
			primaryColor: row.certificatePrimaryColor,
			accentColor: row.certificateAccentColor,
			logoSha256: row.certificateLogoSha256,
			logoType: row.certificateLogoType
		}
	};
}

/** Inserts a valid certificate for the subject and records who issued which code. */
async function issue(trx: Db, actor: Actor, built: BuiltSubject, kind: CertificateKind, replacesId: number | null): Promise<number> {
	const code = newCode();
	const id = await repo.insertCertificate(trx, {
		code,
		kind,
		editionId: built.editionId,
		subjectKey: built.subjectKey,
		campusId: built.campusId,
		classId: built.classId,
		trainerId: built.trainerId,
		factsJson: JSON.stringify(built.facts),
		active: 1,
		issuedBy: actor.id,
		issuedAt: nowDb(),
		replacesId
	});
	await audit(trx, {
		actorId: actor.id,
		action: 'certificate.issued',
		entityType: 'certificate',
		entityId: id,
		after: { code, kind, subject: built.subjectKey, replacesId }
	});
	return id;
}

/** The subject's certificate was revoked (and not reissued): a download does not make a new one. */
export class CertificateRevokedError extends DomainError {
	constructor() {
		super('fe_cert_revoked', 410);
	}
}

/**
 * The valid certificate of a subject, issued on first request. Two requests at
 * once both try to insert; the unique (edition, subject, active) key lets one
 * win, and the other reads the winner's certificate.
 */
async function getOrIssue(db: Kysely<Database>, actor: Actor, subject: Subject): Promise<CertificateView> {
	const built = await buildSubject(db, actor, subject);
	const existing = await repo.findActiveCertificate(db, built.editionId, built.subjectKey);
	if (existing) return toView(existing);
	// A revoked certificate stays revoked: only the coordinator's reissue makes a new code.
	if ((await repo.listRevokedSubjects(db, built.editionId, [built.subjectKey])).size > 0) throw new CertificateRevokedError();
	try {
		const id = await withTransaction(db, (trx) => issue(trx, actor, built, subject.kind, null));
		return toView((await repo.findCertificateById(db, id))!);
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		const winner = await repo.findActiveCertificate(db, built.editionId, built.subjectKey);
		if (!winner) throw err;
		return toView(winner);
	}
}

export const getOrIssueClassCertificate = (db: Kysely<Database>, actor: Actor, classId: number) => getOrIssue(db, actor, { kind: 'class', classId });

export const getOrIssueCampusCertificate = (db: Kysely<Database>, actor: Actor, editionId: number, campusId: number) =>
	getOrIssue(db, actor, { kind: 'campus', editionId, campusId });

export const getOrIssueTrainerCertificate = (db: Kysely<Database>, actor: Actor, editionId: number, trainerId: number) =>
	getOrIssue(db, actor, { kind: 'trainer', editionId, trainerId });

async function revokeIn(trx: Db, actor: Actor, id: number, reason: string | null): Promise<repo.CertificateRow> {
	const row = await repo.findCertificateById(trx, id);
	if (!row) throw new NotFoundError('cert_error_not_found');
	if (!(await repo.revokeActive(trx, id, actor.id, nowDb(), reason))) throw new ConflictError('cert_error_already_revoked');
	await audit(trx, {
		actorId: actor.id,
		action: 'certificate.revoked',
		entityType: 'certificate',
		entityId: id,
		before: { code: row.code },
		after: { reason }
	});
	return row;
}

/** Coordinators only: the code stops being valid; the verify page says "revoked". */
export async function revokeCertificate(db: Kysely<Database>, actor: Actor, id: number, reason: string | null): Promise<void> {
	requireCoordinator(actor);
	const trimmed = reason?.trim().slice(0, 500) || null;
	await withTransaction(db, (trx) => revokeIn(trx, actor, id, trimmed));
}

function subjectOf(row: repo.CertificateRow): Subject {
	if (row.kind === 'class') return { kind: 'class', classId: row.classId! };
	if (row.kind === 'campus') return { kind: 'campus', editionId: row.editionId, campusId: row.campusId! };
	return { kind: 'trainer', editionId: row.editionId, trainerId: row.trainerId! };
}

/**
 * Coordinators only: revokes a valid certificate (or takes a revoked one whose
 * subject has none) and issues its subject a new one with a new code and today's
 * facts, in one transaction (replaces_id links them). The only way a revoked
 * subject gets a new code.
 */
export async function reissueCertificate(db: Kysely<Database>, actor: Actor, id: number): Promise<CertificateView> {
	requireCoordinator(actor);
	const old = await repo.findCertificateById(db, id);
	if (!old) throw new NotFoundError('cert_error_not_found');
	// Facts without eligibility checks: the coordinator decides, as for any certificate.
	const built = await buildSubject(db, null, subjectOf(old));
	const newId = await withTransaction(db, async (trx) => {
		if (old.active === 1) await revokeIn(trx, actor, id, 'reissued');
		// A revoked certificate is reissued once: a subject that already has a valid one is refused.
		else if (await repo.findActiveCertificate(trx, old.editionId, old.subjectKey)) throw new ConflictError('fe_cert_already_reissued');
		return issue(trx, actor, built, old.kind, id);
	});
	return toView((await repo.findCertificateById(db, newId))!);
}
