import type { EditionStatus } from '../db/schema';
import { fromDbTime, type DbTime } from '../db/time';

/**
 * Whether an edition takes enrolments right now. Derived, never stored: a
 * published edition is open from its window's start (inclusive) to its end
 * (exclusive). Every page and every service asks this one function.
 */
export function isOpenForEnrolment(edition: { status: EditionStatus; enrolmentOpensAt: DbTime; enrolmentClosesAt: DbTime }, now: Date): boolean {
	return edition.status === 'published' && fromDbTime(edition.enrolmentOpensAt) <= now && now < fromDbTime(edition.enrolmentClosesAt);
}

export type EnrolmentPhase = 'draft' | 'not_yet_open' | 'open' | 'closed' | 'archived';

export function enrolmentPhase(edition: { status: EditionStatus; enrolmentOpensAt: DbTime; enrolmentClosesAt: DbTime }, now: Date): EnrolmentPhase {
	if (edition.status !== 'published') return edition.status;
	if (isOpenForEnrolment(edition, now)) return 'open';
	return now < fromDbTime(edition.enrolmentOpensAt) ? 'not_yet_open' : 'closed';
}
