/**
 * Data for the trainer specs in the running e2e server's database. Run with tsx,
 * outside Vite:
 *   npx tsx tests/e2e/support/trainer-setup.ts slot <editionId> <room> [organisation]
 * creates one open slot through the real services: one trainer needed, offered
 * to Wel Jong (the organisation of trainer@example.org and trainer2@example.org)
 * unless another organisation is named, on a weekday at least two weeks ahead on
 * which neither of them gives a workshop. Prints {"slotId", "localDate",
 * "campusName", "room"} as JSON.
 *   npx tsx tests/e2e/support/trainer-setup.ts planner <email> <0|1>
 * marks the account as its organisation's planner, or no longer.
 *   npx tsx tests/e2e/support/trainer-setup.ts clash <editionId> <room> <email>
 * makes such a slot, books it for that trainer, and adds a second open slot at
 * the same campus from 10:20 to 11:10 (room "<room>-clash", no classes) that
 * the trainer therefore cannot take. Prints the first slot's JSON plus
 * {"clashId", "clashRoom"}.
 *   npx tsx tests/e2e/support/trainer-setup.ts contact <slotId>
 * gives the slot's campus a contact person (always the same one), for the contacts box.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../src/lib/server/auth/actor';
import { openDatabase } from '../../../src/lib/server/db/dialect';
import type { Role } from '../../../src/lib/server/db/schema';
import { DomainError } from '../../../src/lib/server/errors';
import { cancelSlot, createSlot, setSlotClasses } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../../src/lib/server/workshops/trainers/booking.service';
import { addDays, brusselsDateOf } from '../../../src/lib/time/brussels';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const [mode, ...args] = process.argv.slice(2);
const { db, close } = await openDatabase(`sqlite:${path.join(root, '.e2e', 'app.sqlite')}`, { poolSize: 1 });

async function actor(email: string): Promise<Actor> {
	const user = await db.selectFrom('users').select(['id', 'displayName']).where('email', '=', email).executeTakeFirstOrThrow();
	const roles = (await db.selectFrom('userRoles').select('role').where('userId', '=', user.id).execute()).map((r) => r.role as Role);
	return { id: user.id, displayName: user.displayName, roles };
}

/** Whether either trainer has a booking (or another test's slot lies) on that day. */
async function busy(day: string, trainerIds: number[]): Promise<boolean> {
	const row = await db
		.selectFrom('workshopSlots')
		.leftJoin('slotTrainers', (j) => j.onRef('slotTrainers.slotId', '=', 'workshopSlots.id').on('slotTrainers.active', '=', 1))
		.select('workshopSlots.id')
		.where('workshopSlots.localDate', '=', day)
		.where('workshopSlots.status', '=', 'scheduled')
		.where((eb) => eb.or([eb('slotTrainers.trainerId', 'in', trainerIds), eb('workshopSlots.room', 'like', 'e2e-%')]))
		.executeTakeFirst();
	return !!row;
}

async function makeSlot(editionId: number, room: string, organisation: string) {
	const coordinator = await actor('coordinator@example.org');
	const trainers = [await actor('trainer@example.org'), await actor('trainer2@example.org')];
	const offeredTo = await db.selectFrom('organisations').select('id').where('name', '=', organisation).executeTakeFirstOrThrow();
	const edition = await db.selectFrom('editions').selectAll().where('id', '=', editionId).executeTakeFirstOrThrow();
	const cls = await db
		.selectFrom('classes')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.select(['classes.id', 'classes.campusId', 'campuses.name as campusName'])
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '=', 'enrolled')
		.orderBy('classes.id')
		.executeTakeFirstOrThrow();
	let day = [addDays(brusselsDateOf(new Date()), 14), edition.workshopStartsOn].sort()[1];
	let made: { slotId: number; localDate: string } | null = null;
	for (; !made && day <= edition.workshopEndsOn; day = addDays(day, 1)) {
		if (
			[0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) ||
			(await busy(
				day,
				trainers.map((t) => t.id)
			))
		)
			continue;
		let slotId: number | null = null;
		try {
			const input = {
				campusId: cls.campusId,
				localDate: day,
				startTime: '10:00',
				endTime: '10:50',
				room,
				language: 'nl' as const,
				trainersNeeded: 1 as const,
				maxPupils: null,
				organisationId: offeredTo.id,
				trainerNote: 'Meld je aan bij het onthaal.'
			};
			slotId = await createSlot(db, coordinator, editionId, input);
			await setSlotClasses(db, coordinator, slotId, [cls.id]);
			made = { slotId, localDate: day };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			if (slotId !== null) await cancelSlot(db, coordinator, slotId, 'e2e: clashed, another day');
		}
	}
	if (!made) throw new Error('no free day for the e2e slot');
	return { ...made, campusId: cls.campusId, campusName: cls.campusName, room, coordinator, offeredTo: offeredTo.id };
}

async function makeClash(editionId: number, room: string, email: string) {
	const made = await makeSlot(editionId, room, 'Wel Jong');
	await bookSlot(db, await actor(email), made.slotId);
	const clashRoom = `${room}-clash`;
	const clashId = await createSlot(db, made.coordinator, editionId, {
		campusId: made.campusId,
		localDate: made.localDate,
		startTime: '10:20',
		endTime: '11:10',
		room: clashRoom,
		language: 'nl',
		trainersNeeded: 1,
		maxPupils: null,
		organisationId: made.offeredTo,
		trainerNote: null
	});
	return { slotId: made.slotId, localDate: made.localDate, campusName: made.campusName, room, clashId, clashRoom };
}

const printed = ({ slotId, localDate, campusName, room }: { slotId: number; localDate: string; campusName: string; room: string }) =>
	console.log(JSON.stringify({ slotId, localDate, campusName, room }));

try {
	if (mode === 'slot') printed(await makeSlot(Number(args[0]), args[1], args[2] ?? 'Wel Jong'));
	else if (mode === 'clash') console.log(JSON.stringify(await makeClash(Number(args[0]), args[1], args[2])));
	else if (mode === 'planner')
		await db
			.updateTable('users')
			.set({ planner: args[1] === '1' ? 1 : 0 })
			.where('email', '=', args[0])
			.execute();
	else if (mode === 'contact') {
		const slot = await db.selectFrom('workshopSlots').select('campusId').where('id', '=', Number(args[0])).executeTakeFirstOrThrow();
		await db
			.updateTable('campuses')
			.set({ contactName: 'Sara Vermeulen', contactEmail: 'sara.secretariaat@example.org', contactPhone: '+32 56 12 34 56' })
			.where('id', '=', slot.campusId)
			.execute();
	} else throw new Error(`unknown mode ${mode}`);
} finally {
	await close();
}
