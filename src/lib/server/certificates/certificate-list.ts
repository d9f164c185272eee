import { countRevokedClassSubjects } from './certificate.repository';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { fromDbTime } from '../db/time';
import { pageCount } from '../pagination';
import type { CertificateFacts, CertificateKind } from './certificate-facts';
import { formatCode } from './code';
import { countCertificates, listCertificatePage, type CertificateStatusFilter } from './certificate-list.repository';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

export type { CertificateStatusFilter };
export const parseCertificateStatus = (s: string | null): CertificateStatusFilter => (s === 'valid' || s === 'revoked' ? s : null);

/** A page of an edition's certificates, newest first: two queries (count and page). */
export async function listCertificates(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	status: CertificateStatusFilter,
	paging: { page: number; limit: number; offset: number }
) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const [n, rows, leftOut] = await Promise.all([
		countCertificates(db, editionId, status),
		listCertificatePage(db, editionId, status, paging),
		countRevokedClassSubjects(db, editionId, null)
	]);
	return {
		edition: { id: edition.id, name: edition.name },
		page: paging.page,
		pages: pageCount(n, paging.limit),
		total: n,
		/** Class certificates revoked and not reissued: the bulk download leaves them out. */
		leftOut,
		rows: rows.map((r) => ({
			id: r.id,
			code: r.code,
			displayCode: formatCode(r.code),
			kind: r.kind as CertificateKind,
			subject: subjectLabel(r.kind as CertificateKind, JSON.parse(r.factsJson) as CertificateFacts),
			valid: r.active === 1,
			issuedAt: fromDbTime(r.issuedAt),
			revokedAt: r.revokedAt ? fromDbTime(r.revokedAt) : null,
			revokeReason: r.revokeReason,
			replacesId: r.replacesId,
			// Revoked without a successor: only the coordinator's reissue gives the subject a new code.
			reissuable: r.active === 1 || !Number(r.replaced)
		}))
	};
}

/** What the coordinator recognises the certificate by (the trainer's name is fine here). */
function subjectLabel(kind: CertificateKind, f: CertificateFacts): string {
	if (kind === 'class') return `${f.className} · ${f.campusName} (${f.schoolName})`;
	if (kind === 'campus') return `${f.campusName} (${f.schoolName})`;
	return f.organisationName ? `${f.trainerName} (${f.organisationName})` : (f.trainerName ?? '');
}
