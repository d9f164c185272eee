import type { Kysely } from 'kysely';
import { audit } from '../../src/lib/server/audit/audit';
import { buildSubject, type Subject } from '../../src/lib/server/certificates/certificate-facts';
import * as certificates from '../../src/lib/server/certificates/certificate.repository';
import type { Database } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { clock, nowDb } from '../../src/lib/server/db/time';
import { campaign } from './demo-data';
import { nextIdahotYear } from './idahot';

/**
 * Certificates of last year's edition with fixed codes, so the README can name one
 * a newcomer can verify straight away: the class certificate of 1A (Campus
 * Centrum, teacher@example.org), a trainer certificate of Robin, and a revoked
 * one (2A). Idempotent: a code that exists is left alone.
 */
export const demoCertificateCodes = { valid: 'DEM0CERT1F1CAT0', trainer: 'TRA1NERDEM0C0DE', revoked: 'REV0KED0EM0CERT' } as const;

export async function seedDemoCertificates(db: Kysely<Database>, opts: { today: Date }): Promise<void> {
	const edition = await db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select('editions.id')
		.where('campaigns.nameKey', '=', textKey(campaign.name))
		.where('editions.year', '=', nextIdahotYear(opts.today) - 1)
		.executeTakeFirst();
	const coordinator = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey('coordinator@example.org')).executeTakeFirst();
	const robin = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey('trainer@example.org')).executeTakeFirst();
	if (!edition || !coordinator || !robin) return;
	const classOf = (name: string) =>
		db
			.selectFrom('classes')
			.innerJoin('teacherCampuses', 'teacherCampuses.campusId', 'classes.campusId')
			.innerJoin('users', 'users.id', 'teacherCampuses.userId')
			.select('classes.id')
			.where('users.emailKey', '=', emailKey('teacher@example.org'))
			.where('classes.editionId', '=', edition.id)
			.where('classes.nameKey', '=', textKey(name))
			.executeTakeFirst();
	const [class1A, class2A] = [await classOf('1A'), await classOf('2A')];
	await clock.frozenAt(opts.today, async () => {
		if (class1A) await issueFixed(db, coordinator.id, demoCertificateCodes.valid, { kind: 'class', classId: class1A.id });
		await issueFixed(db, coordinator.id, demoCertificateCodes.trainer, { kind: 'trainer', editionId: edition.id, trainerId: robin.id });
		if (class2A && (await issueFixed(db, coordinator.id, demoCertificateCodes.revoked, { kind: 'class', classId: class2A.id })))
			await revokeFixed(db, coordinator.id, demoCertificateCodes.revoked);
	});
}

/** Issues the subject's certificate with a fixed code; false when the code (or a valid certificate of the subject) exists. */
async function issueFixed(db: Kysely<Database>, by: number, code: string, subject: Subject): Promise<boolean> {
	if (await certificates.findCertificateByCode(db, code)) return false;
	const built = await buildSubject(db, null, subject);
	if (await certificates.findActiveCertificate(db, built.editionId, built.subjectKey)) return false;
	await db.transaction().execute(async (trx) => {
		const id = await certificates.insertCertificate(trx, {
			code,
			kind: subject.kind,
			editionId: built.editionId,
			subjectKey: built.subjectKey,
			campusId: built.campusId,
			classId: built.classId,
			trainerId: built.trainerId,
			factsJson: JSON.stringify(built.facts),
			active: 1,
			issuedBy: by,
			issuedAt: nowDb(),
			replacesId: null
		});
		await audit(trx, {
			actorId: by,
			action: 'certificate.issued',
			entityType: 'certificate',
			entityId: id,
			after: { code, kind: subject.kind, subject: built.subjectKey, replacesId: null }
		});
	});
	return true;
}

async function revokeFixed(db: Kysely<Database>, by: number, code: string): Promise<void> {
	const row = (await certificates.findCertificateByCode(db, code))!;
	const reason = 'Demo: vervangen door een verbeterd attest';
	await db.transaction().execute(async (trx) => {
		await certificates.revokeActive(trx, row.id, by, nowDb(), reason);
		await audit(trx, { actorId: by, action: 'certificate.revoked', entityType: 'certificate', entityId: row.id, before: { code }, after: { reason } });
	});
}
