import type { Generated } from 'kysely';
import type { DbTime } from '../time';

/** Participation certificates (issue 6). */
export type CertificateKind = 'class' | 'campus' | 'trainer';

export interface CertificatesTable {
	id: Generated<number>;
	/** Crockford base32, normalised (upper case, no separators). */
	code: string;
	kind: CertificateKind;
	editionId: number;
	/** "class:<id>", "campus:<id>" or "trainer:<id>": one valid certificate per subject and edition. */
	subjectKey: string;
	campusId: number | null;
	classId: number | null;
	trainerId: number | null;
	/** What was certified at issue time (JSON). */
	factsJson: string;
	/** 1 while valid, NULL once revoked. */
	active: 1 | null;
	issuedBy: number | null;
	issuedAt: DbTime;
	revokedAt: DbTime | null;
	revokedBy: number | null;
	revokeReason: string | null;
	/** The certificate this one was reissued for. */
	replacesId: number | null;
}
