import type { Db } from '../db';
import { publicOrigin } from '../config';
import { nowDb } from '../db/time';
import { enqueueMail } from '../mail/outbox';
import { findClassWithTeacher } from './class-view.repository';

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
	const row = await findClassWithTeacher(db, classId);
	const base = {
		name: row.displayName,
		className: row.className,
		edition: row.edition,
		campus: `${row.school} – ${row.campus}`,
		url: `${publicOrigin()}/teacher`,
		...(row.participation === 'materials' ? { materialsOnly: true } : {})
	};
	await enqueueMail(db, {
		recipient: row.email,
		locale: row.locale,
		mail: kind === 'class_waiting' ? { template: kind, params: { ...base, position: position ?? 0 } } : { template: kind, params: base },
		dedupeKey: `${kind}:${classId}:${nowDb()}`
	});
}

/**
 * One mail for a form of several classes (issue 18.3): what became of each, in
 * the order of the form, instead of a mail per class.
 */
export async function mailClassesDecided(
	db: Db,
	decided: { classId: number; name: string; status: 'enrolled' | 'waiting'; position: number | null; reason: 'campus' | 'edition' | null }[]
): Promise<void> {
	if (decided.length === 0) return;
	const row = await findClassWithTeacher(db, decided[0].classId);
	await enqueueMail(db, {
		recipient: row.email,
		locale: row.locale,
		mail: {
			template: 'classes_decided',
			params: {
				name: row.displayName,
				edition: row.edition,
				campus: `${row.school} – ${row.campus}`,
				url: `${publicOrigin()}/teacher`,
				materialsOnly: row.participation === 'materials',
				classes: decided.map((c) => ({ name: c.name, status: c.status, position: c.position, reason: c.reason }))
			}
		},
		// The first class's id names the form: its classes are new rows of this transaction.
		dedupeKey: `classes_decided:${decided[0].classId}:${decided.length}`
	});
}

/**
 * Tells the teacher who enrolled a class that it was withdrawn: a confirmation
 * when they did it themselves, news when a coordinator did (named, so they know
 * whom to ask).
 */
export async function mailClassWithdrawn(db: Db, classId: number, was: 'enrolled' | 'waiting', coordinator: string | null): Promise<void> {
	const row = await findClassWithTeacher(db, classId);
	await enqueueMail(db, {
		recipient: row.email,
		locale: row.locale,
		mail: {
			template: 'class_withdrawn',
			params: {
				name: row.displayName,
				className: row.className,
				edition: row.edition,
				campus: `${row.school} – ${row.campus}`,
				wasWaiting: was === 'waiting',
				coordinator,
				url: `${publicOrigin()}/teacher`
			}
		},
		dedupeKey: `class_withdrawn:${classId}:${nowDb()}`
	});
}
