import { config } from '$lib/server/config';
import { pupilDataSettings } from '$lib/server/pupil-survey/pupil-data-settings.service';
import { retentionPeriods } from '$lib/server/retention/retention-settings.service';
import type { PageServerLoad } from './$types';
import type { NoticeRetention } from './retention';

/** The notice states the periods in force (the city's settings and the session limits), never a copy of the defaults. */
export const load: PageServerLoad = async ({ locals }) => {
	const [periods, pupils] = await Promise.all([retentionPeriods(locals.db), pupilDataSettings(locals.db)]);
	const retention: NoticeRetention = {
		...periods,
		sessionIdleHours: config().SESSION_IDLE_HOURS,
		sessionAbsoluteDays: config().SESSION_ABSOLUTE_DAYS,
		pupilAnswerDays: pupils.rawAnswerDays,
		pupilMinGroup: pupils.minGroup
	};
	return { retention };
};
