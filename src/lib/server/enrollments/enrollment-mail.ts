import type { Db } from '../db';
import { publicOrigin } from '../config';
import { nowDb } from '../db/time';
import { enqueueMail } from '../mail/outbox';

/**
 * Confirmation mails to the teacher who enrolled a class, in their language,
 * queued in the same transaction as the change they announce.
 */
export async function mailClassStatus(
	db: Db,
	kind: 'class_enrolled' | 'class_waiting' | 'class_promoted',
	classId: number,
	position: number | null
): Promise<void> {
	const row = await db
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['classes.name as className', 'users.email', 'users.displayName', 'users.locale', 'editions.name as edition', 'campuses.name as campus', 'schools.name as school'])
		.where('classes.id', '=', classId)
		.executeTakeFirstOrThrow();
	const base = { name: row.displayName, className: row.className, edition: row.edition, campus: `${row.school} – ${row.campus}`, url: `${publicOrigin()}/teacher` };
	await enqueueMail(db, {
		recipient: row.email,
		locale: row.locale,
		mail: kind === 'class_waiting' ? { template: kind, params: { ...base, position: position ?? 0 } } : { template: kind, params: base },
		dedupeKey: `${kind}:${classId}:${nowDb()}`
	});
}
