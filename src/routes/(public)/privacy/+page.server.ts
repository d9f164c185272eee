import { config } from '$lib/server/config';
import { retentionPeriods } from '$lib/server/retention/retention-settings.service';
import type { PageServerLoad } from './$types';

/** The notice states the periods in force (the city's settings and the session limits), never a copy of the defaults. */
export const load: PageServerLoad = async ({ locals }) => ({
	retention: {
		...(await retentionPeriods(locals.db)),
		sessionIdleHours: config().SESSION_IDLE_HOURS,
		sessionAbsoluteDays: config().SESSION_ABSOLUTE_DAYS
	}
});
