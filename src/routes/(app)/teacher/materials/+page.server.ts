import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { teacherMaterials } from '$lib/server/materials/teacher-materials.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const editions = await orHttpError(async () => teacherMaterials(locals.db, user));
	return {
		editions: editions.map(({ edition, materials }) => ({
			edition,
			materials: materials.map((x) => ({
				id: x.id,
				kind: x.kind,
				titleNl: x.titleNl,
				titleEn: x.titleEn,
				descriptionNl: x.descriptionNl,
				descriptionEn: x.descriptionEn,
				language: x.language,
				size: x.current ? Number(x.current.size) : null,
				fileName: x.current?.originalName ?? null
			}))
		}))
	};
};
