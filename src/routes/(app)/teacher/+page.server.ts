import { pageUser } from '$lib/server/auth/guards';
import { campusCertificateEditions } from '$lib/server/certificates/certificate-more';
import { teacherHome } from '$lib/server/enrolments/teacher-home.service';
import { severalOutcome } from '$lib/server/enrolments/several-outcome.service';
import { pastClassesOfTeacher } from '$lib/server/enrolments/past-classes.service';
import { pageParams } from '$lib/server/pagination';
import { workshopsOfClasses } from '$lib/server/workshops/teachers/teacher-workshop.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const notice = url.searchParams.get('notice');
	const db = locals.db;
	const [home, past] = await Promise.all([
		teacherHome(db, user.id, { mine: pageParams(url, 1, 'mine').page, colleagues: pageParams(url, 1, 'colleagues').page }),
		pastClassesOfTeacher(db, user.id, pageParams(url).page)
	]);
	// Only classes of the teacher's own campuses are in home: the workshops are theirs to see.
	const enrolled = [...home.myClasses, ...home.colleagueClasses].filter((c) => c.status === 'enrolled').map((c) => c.id);
	return {
		home,
		past,
		workshops: await workshopsOfClasses(db, enrolled),
		// Campus certificates: editions with a given workshop at one of the teacher's campuses (one query).
		campusCertificates: Object.fromEntries(
			await campusCertificateEditions(
				db,
				home.campuses.map((c) => c.id)
			)
		),
		// After a form of several classes: what became of each (issue 18.3).
		several: notice === 'several' ? await severalOutcome(db, user.id, url.searchParams.get('classes')) : null,
		notice: notice
			? {
					kind: notice,
					name: url.searchParams.get('name') ?? '',
					edition: url.searchParams.get('edition') ?? '',
					position: url.searchParams.get('position') ?? '',
					reason: url.searchParams.get('reason') ?? ''
				}
			: null
	};
};
