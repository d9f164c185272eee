import type { Db } from '../db';

export type CertificateStatusFilter = 'valid' | 'revoked' | null;

/** An edition's certificates, all or only the valid or the revoked ones. */
function filtered(db: Db, editionId: number, status: CertificateStatusFilter) {
	let base = db.selectFrom('certificates').where('editionId', '=', editionId);
	if (status === 'valid') base = base.where('active', '=', 1);
	if (status === 'revoked') base = base.where('active', 'is', null);
	return base;
}

export const countCertificates = async (db: Db, editionId: number, status: CertificateStatusFilter): Promise<number> =>
	Number(
		(
			await filtered(db, editionId, status)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

/** A page of them, newest first, each saying whether a newer certificate replaces it. */
export const listCertificatePage = (db: Db, editionId: number, status: CertificateStatusFilter, page: { limit: number; offset: number }) =>
	filtered(db, editionId, status)
		.select(['id', 'code', 'kind', 'factsJson', 'active', 'issuedAt', 'revokedAt', 'revokeReason', 'replacesId'])
		.select((eb) => eb.exists(eb.selectFrom('certificates as n').select('n.id').whereRef('n.replacesId', '=', 'certificates.id')).as('replaced'))
		.orderBy('id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
