import { pageUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { teacherHome } from '$lib/server/enrollments/teacher-home.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const notice = url.searchParams.get('notice');
	return {
		home: await teacherHome(await getDb(), user.id),
		notice: notice ? { kind: notice, name: url.searchParams.get('name') ?? '', edition: url.searchParams.get('edition') ?? '', position: url.searchParams.get('position') ?? '' } : null
	};
};
