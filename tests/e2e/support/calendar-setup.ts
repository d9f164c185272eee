/**
 * Books the demo trainer on a new workshop slot for one of the demo teacher's
 * enrolled classes, through the real services (rules, locks, audit, mails), in
 * the running e2e server's database. Run with tsx, outside Vite:
 *   npx tsx tests/e2e/support/calendar-setup.ts <editionId>
 * Prints {"slotId", "classId", "className", "localDate", "startsAt"} as JSON.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../src/lib/server/auth/actor';
import { openDatabase } from '../../../src/lib/server/db/dialect';
import type { Role } from '../../../src/lib/server/db/schema';
import { DomainError } from '../../../src/lib/server/errors';
import { assignTrainer } from '../../../src/lib/server/workshops/trainers/booking.service';
import { cancelSlot, createSlot, setSlotClasses } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import { addDays, brusselsDateOf } from '../../../src/lib/time/brussels';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const editionId = Number(process.argv[2]);
const { db, close } = await openDatabase(`sqlite:${path.join(root, '.e2e', 'app.sqlite')}`, { poolSize: 1 });

async function actor(email: string): Promise<Actor> {
	const user = await db.selectFrom('users').select(['id', 'displayName']).where('email', '=', email).executeTakeFirstOrThrow();
	const roles = (await db.selectFrom('userRoles').select('role').where('userId', '=', user.id).execute()).map((r) => r.role as Role);
	return { id: user.id, displayName: user.displayName, roles };
}

try {
	const coordinator = await actor('coordinator@example.org');
	const trainer = await actor('trainer@example.org');
	const teacher = await actor('teacher@example.org');
	const edition = await db.selectFrom('editions').selectAll().where('id', '=', editionId).executeTakeFirstOrThrow();
	const cls = await db
		.selectFrom('classes')
		.select(['id', 'name', 'campusId'])
		.where('editionId', '=', editionId)
		.where('enrolledBy', '=', teacher.id)
		.where('status', '=', 'enrolled')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	// A weekday from two weeks ahead on, late in the afternoon, where nothing clashes.
	let day = [addDays(brusselsDateOf(new Date()), 14), edition.workshopStartsOn].sort()[1];
	for (; day <= edition.workshopEndsOn; day = addDays(day, 1)) {
		if ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) continue;
		let slotId: number | null = null;
		try {
			const input = {
				campusId: cls.campusId,
				localDate: day,
				startTime: '15:00',
				endTime: '15:50',
				room: 'Lokaal e2e',
				language: 'nl' as const,
				trainersNeeded: 1 as const,
				maxPupils: null,
				organisationId: null,
				trainerNote: null
			};
			slotId = await createSlot(db, coordinator, editionId, input);
			await setSlotClasses(db, coordinator, slotId, [cls.id]);
			await assignTrainer(db, coordinator, slotId, trainer.id);
			const slot = await db.selectFrom('workshopSlots').select(['localDate', 'startsAt']).where('id', '=', slotId).executeTakeFirstOrThrow();
			console.log(JSON.stringify({ slotId, classId: cls.id, className: cls.name, localDate: slot.localDate, startsAt: slot.startsAt }));
			break;
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			if (slotId !== null) await cancelSlot(db, coordinator, slotId, 'e2e: clashed, another day');
		}
	}
	if (day > edition.workshopEndsOn) throw new Error('no free day for the e2e slot');
} finally {
	await close();
}
