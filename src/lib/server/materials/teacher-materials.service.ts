import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { publishedEditions } from '../campaigns/published-editions';
import type { Database } from '../db/schema';
import { listMaterialsForTeacher } from './material-read.service';

/**
 * The teacher's materials page: each published edition in which a campus of theirs takes
 * part, with the materials that fit their classes' levels (newest version of each file).
 */
export async function teacherMaterials(db: Kysely<Database>, actor: Actor) {
	const editions = await publishedEditions(db);
	const out = [];
	for (const edition of editions) {
		const { participating, materials } = await listMaterialsForTeacher(db, actor, edition.id);
		if (participating) out.push({ edition: { id: edition.id, name: edition.name }, materials });
	}
	return out;
}
