import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { publicOrigin } from '../config';
import { enqueueMailOnce } from '../mail/outbox';

/**
 * The classes of a given workshop whose certificate a teacher may now download,
 * with that teacher: the rule of buildClassSubject for a teacher (an enrolled
 * class, a given workshop that was not cancelled, a teacher of the class's
 * campus). The teacher is the one who enrolled the class, as for every class mail.
 */
const classesWithCertificate = (db: Db, slotId: number) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.innerJoin('teacherCampuses', (j) => j.onRef('teacherCampuses.userId', '=', 'users.id').onRef('teacherCampuses.campusId', '=', 'classes.campusId'))
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'teacher'))
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['classes.id as classId', 'classes.name as className', 'classes.editionId', 'users.email', 'users.displayName', 'users.locale', 'editions.name as edition', 'campuses.name as campus', 'schools.name as school'])
		.where('slotClasses.slotId', '=', slotId)
		.where('workshopSlots.outcome', '=', 'given')
		.where('workshopSlots.status', '=', 'scheduled')
		.where('classes.status', '=', 'enrolled')
		.orderBy('classes.id')
		.execute();

/**
 * Called in the transaction that reports a workshop as given: each of its
 * classes' teachers learns that the class certificate can be downloaded. One mail
 * per class and edition, ever: a corrected report, a second given workshop or a
 * report that flips back and forth queues nothing new (the dedupe key decides,
 * also when two reports race).
 */
export async function mailCertificatesAvailable(db: Db, slotId: number): Promise<number> {
	let queued = 0;
	for (const row of await classesWithCertificate(db, slotId)) if (await queueCertificateMail(db, row, 'given')) queued++;
	return queued;
}

/**
 * The dedupe key prefix of a class's certificate mail (the class id follows). The
 * report and the edition's end share it, so a class is told once, whichever comes first.
 */
export const certificateMailKeyPrefix = (editionId: number) => `certificate_available:${editionId}:class:`;

export interface CertificateMailRow {
	classId: number;
	className: string;
	editionId: number;
	edition: string;
	school: string;
	campus: string;
	email: string;
	displayName: string;
	locale: Locale;
}

/** Queues the mail that a class's certificate can be downloaded, unless it went before; true when queued. */
export function queueCertificateMail(db: Db, row: CertificateMailRow, because: 'given' | 'edition_ended'): Promise<boolean> {
	const params = { name: row.displayName, className: row.className, campus: `${row.school} – ${row.campus}`, edition: row.edition, url: `${publicOrigin()}/teacher/classes/${row.classId}`, because };
	return enqueueMailOnce(db, {
		recipient: row.email,
		locale: row.locale,
		mail: { template: 'certificate_available', params },
		dedupeKey: certificateMailKeyPrefix(row.editionId) + row.classId
	});
}
