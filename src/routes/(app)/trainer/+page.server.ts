import { pageUser } from '$lib/server/auth/guards';
import { publishedEditionsForDisplay } from '$lib/server/campaigns/edition-view';
import { trainerCertificateEditions } from '$lib/server/certificates/certificate-more';
import { orHttpError } from '$lib/server/http/forms';
import { trainerImpact } from '$lib/server/pupil-survey/impact.service';
import { organisationName } from '$lib/server/users/people.service';
import { plannerOrganisation } from '$lib/server/workshops/trainers/trainer-planner.service';
import { trainerHome } from '$lib/server/workshops/trainers/trainer-views.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const [organisation, editions, workshops, planner, certificates, pupilFigures] = await Promise.all([
		user.organisationId ? organisationName(db, user.organisationId) : null,
		publishedEditionsForDisplay(db),
		orHttpError(() => trainerHome(db, user)),
		plannerOrganisation(db, user),
		trainerCertificateEditions(db, user.id),
		orHttpError(() => trainerImpact(db, user))
	]);
	return { organisation, editions, workshops, planner: planner !== null, certificates, pupilFigures, trainerId: user.id };
};
