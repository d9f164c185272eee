import type { RetentionPeriods } from '$lib/retention-periods';

/** What the privacy notice says about how long data stay: the values in force, from the page's load. */
export interface NoticeRetention extends RetentionPeriods {
	sessionIdleHours: number;
	sessionAbsoluteDays: number;
	/** The pupils' questionnaire (issue 19): days raw answers stay after the edition is archived, and the smallest group shown. */
	pupilAnswerDays: number;
	pupilMinGroup: number;
}
