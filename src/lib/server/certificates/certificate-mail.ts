import type { Db } from '../db';
import { publicOrigin } from '../config';
import { enqueueMailOnce } from '../mail/outbox';
import { listClassesWithCertificate, type CertificateMailRow } from './certificate-mail.repository';

/**
 * Called in the transaction that reports a workshop as given: each of its
 * classes' teachers learns that the class certificate can be downloaded. One mail
 * per class and edition, ever: a corrected report, a second given workshop or a
 * report that flips back and forth queues nothing new (the dedupe key decides,
 * also when two reports race).
 */
export async function mailCertificatesAvailable(db: Db, slotId: number): Promise<number> {
	let queued = 0;
	for (const row of await listClassesWithCertificate(db, slotId)) if (await queueCertificateMail(db, row, 'given')) queued++;
	return queued;
}

/**
 * The dedupe key prefix of a class's certificate mail (the class id follows). The
 * report and the edition's end share it, so a class is told once, whichever comes first.
 */
export const certificateMailKeyPrefix = (editionId: number) => `certificate_available:${editionId}:class:`;

/** Queues the mail that a class's certificate can be downloaded, unless it went before; true when queued. */
export function queueCertificateMail(db: Db, row: CertificateMailRow, because: 'given' | 'edition_ended'): Promise<boolean> {
	const params = {
		name: row.displayName,
		className: row.className,
		campus: `${row.school} – ${row.campus}`,
		edition: row.edition,
		url: `${publicOrigin()}/teacher/classes/${row.classId}`,
		because
	};
	return enqueueMailOnce(db, {
		recipient: row.email,
		locale: row.locale,
		mail: { template: 'certificate_available', params },
		dedupeKey: certificateMailKeyPrefix(row.editionId) + row.classId
	});
}
