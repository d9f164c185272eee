import type { Db } from '../db';

/** Classes of the edition on its waiting list (one count, for the dashboard's headline figures). */
export async function countWaitingClasses(db: Db, editionId: number): Promise<number> {
	const row = await db
		.selectFrom('classes')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('editionId', '=', editionId)
		.where('status', '=', 'waiting')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
