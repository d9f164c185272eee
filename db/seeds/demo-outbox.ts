import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { clock, fromDbTime, toDbTime } from '../../src/lib/server/db/time';
import { waitingPosition } from '../../src/lib/server/enrolments/class.repository';
import { mailClassStatus, mailClassWithdrawn } from '../../src/lib/server/enrolments/enrolment-mail';

/**
 * The mails the demo teachers got when they enrolled their classes for the
 * upcoming edition, queued by the same code as a real enrolment, at the moment
 * each class arrived: so the coordinator's outbox shows what teachers received,
 * next to the workshop, kit and certificate mails the other demo steps leave.
 * Statuses stay truthful: the demo has no mail server, so they are waiting.
 * Idempotent through the dedupe keys (kind, class, moment).
 */
export async function seedDemoOutbox(db: Kysely<Database>): Promise<void> {
	const classes = await db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select(['classes.id', 'classes.editionId', 'classes.status', 'classes.createdAt', 'classes.withdrawnAt'])
		.where('editions.status', '=', 'published')
		.orderBy('classes.queuedAt')
		.orderBy('classes.id')
		.execute();
	const known = new Set(
		(await db.selectFrom('mailOutbox').select('dedupeKey').where('template', 'in', ['class_enrolled', 'class_waiting', 'class_withdrawn']).execute()).map(
			(r) => r.dedupeKey
		)
	);
	for (const c of classes) {
		const kind = c.status === 'waiting' ? 'class_waiting' : 'class_enrolled';
		if (!known.has(`${kind}:${c.id}:${c.createdAt}`)) {
			const position = kind === 'class_waiting' ? await waitingPosition(db, c.editionId, c.id) : null;
			await clock.frozenAt(fromDbTime(c.createdAt), () => mailClassStatus(db, kind, c.id, position));
		}
		if (c.status === 'withdrawn' && c.withdrawnAt) {
			// The teacher withdrew it a little later the same day.
			const at = new Date(fromDbTime(c.withdrawnAt).getTime() + 3 * 3_600_000);
			if (!known.has(`class_withdrawn:${c.id}:${toDbTime(at)}`)) await clock.frozenAt(at, () => mailClassWithdrawn(db, c.id, 'enrolled', null));
		}
	}
}
