import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { NotFoundError } from '../errors';
import { findEditionById } from './edition.repository';

/** An edition as a coordinator's page opens it: Forbidden for anyone else, NotFound when there is none. */
export async function coordinatorEdition(db: Kysely<Database>, actor: Actor, editionId: number) {
	requireCoordinator(actor);
	const edition = await findEditionById(db, editionId);
	if (!edition) throw new NotFoundError();
	return edition;
}
