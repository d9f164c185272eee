import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database } from '../../../src/lib/server/db/schema';
import { enrolClass } from '../../../src/lib/server/enrolments/enrolment.service';
import { addStock, createItem } from '../../../src/lib/server/kits/catalogue.service';
import type { KitItemInput } from '../../../src/lib/server/kits/kit-input';
import { aClass, teacherAt } from './enrolment-fixtures';
import { createUser } from './fixtures';

export const wristbands: KitItemInput = {
	nameNl: 'Paarse polsbandjes',
	nameEn: 'Purple wristbands',
	unitNl: 'stuk',
	unitEn: 'piece',
	level: null,
	allowanceKind: 'per_pupil',
	marginPerMille: 1100
};
export const posters: KitItemInput = {
	nameNl: 'Affiches',
	nameEn: 'Posters',
	unitNl: 'stuk',
	unitEn: 'piece',
	level: null,
	allowanceKind: 'fixed_per_campus',
	fixedQuantity: 5
};
export const samBooklets: KitItemInput = {
	nameNl: 'Boekje Sam',
	nameEn: 'Sam booklet',
	unitNl: 'boekje',
	unitEn: 'booklet',
	level: 'lager',
	allowanceKind: 'per_pupil',
	marginPerMille: 1000
};

/** A catalogue item with stock on hand. */
export async function itemWithStock(db: Kysely<Database>, coordinator: Actor, editionId: number, input: KitItemInput, onHand: number): Promise<number> {
	const id = await createItem(db, coordinator, editionId, input);
	if (onHand > 0) await addStock(db, coordinator, id, onHand);
	return id;
}

/** A teacher's campus with enrolled classes of the given pupil counts (grade L5 unless given as "S1:19"). */
export async function campusWithPupils(
	db: Kysely<Database>,
	editionId: number,
	email: string,
	classes: (number | string)[]
): Promise<{ actor: Actor; campusId: number; classIds: number[] }> {
	const t = await teacherAt(db, email);
	const classIds: number[] = [];
	for (const [i, c] of classes.entries()) {
		const [grade, pupils] = typeof c === 'number' ? ['L5', c] : [c.split(':')[0], Number(c.split(':')[1])];
		const r = await enrolClass(db, t.actor, aClass(editionId, t.campusId, `Klas ${i + 1}`, { grade, pupilCount: pupils }));
		classIds.push(r.classId);
	}
	return { ...t, classIds };
}

export async function secondCoordinator(db: Kysely<Database>): Promise<Actor> {
	const id = await createUser(db, { email: 'ahmed@stad.be', roles: ['coordinator'], name: 'Ahmed' });
	return { id, displayName: 'Ahmed', roles: ['coordinator'] };
}

export const stock = (db: Kysely<Database>, itemId: number) =>
	db.selectFrom('kitItems').select(['onHand', 'reserved', 'handedOut']).where('id', '=', itemId).executeTakeFirstOrThrow();

export const auditActions = async (db: Kysely<Database>, prefix: string) =>
	(await db.selectFrom('auditLog').select('action').where('action', 'like', `${prefix}%`).orderBy('id').execute()).map((r) => r.action);
