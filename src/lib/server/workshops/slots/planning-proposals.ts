import type { ProposalCandidate } from './planning-proposals.repository';
import { localTimes } from './slot-view';

/** A few good options say more than a long list: the coordinator can always open the slot list. */
export const proposalsPerClass = 3;

export interface HalfDay {
	date: string;
	part: 'am' | 'pm';
}

/**
 * How a slot meets the teacher's wishes: on one of the chosen half-days, on a
 * chosen day but the other half, some days away from the nearest chosen day, or
 * no wishes given.
 */
export type ProposalFit = { kind: 'half_day' } | { kind: 'other_half'; part: 'am' | 'pm' } | { kind: 'days_away'; days: number } | { kind: 'no_wish' };

export interface Proposal {
	slotId: number;
	localDate: string;
	start: string;
	end: string;
	room: string | null;
	maxPupils: number | null;
	/** Places left before this class joins; null without a maximum. */
	freePupils: number | null;
	fit: ProposalFit;
}

/** A school's half-day: a workshop that starts before noon is in the morning. */
const partOf = (start: string): 'am' | 'pm' => (start < '12:00' ? 'am' : 'pm');

const dayMs = 24 * 60 * 60 * 1000;
const daysBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / dayMs;

function fitOf(localDate: string, part: 'am' | 'pm', wishes: HalfDay[]): ProposalFit {
	if (wishes.length === 0) return { kind: 'no_wish' };
	if (wishes.some((w) => w.date === localDate && w.part === part)) return { kind: 'half_day' };
	const days = Math.min(...wishes.map((w) => daysBetween(w.date, localDate)));
	return days === 0 ? { kind: 'other_half', part } : { kind: 'days_away', days };
}

/** Lower is better: a chosen half-day, then the fewest days from a chosen day; ties go to the earliest. */
const rankOf = (fit: ProposalFit) => (fit.kind === 'half_day' ? -1 : fit.kind === 'days_away' ? fit.days : 0);

/**
 * The best few slots for one class out of its candidates (every one already fits
 * the class: see listProposalCandidates), best first.
 */
export function rankProposals(candidates: ProposalCandidate[], wishes: HalfDay[], limit = proposalsPerClass): Proposal[] {
	const ranked = candidates.map((c) => {
		const times = localTimes(c);
		const pupils = Number(c.pupils ?? 0);
		const proposal: Proposal = {
			slotId: c.slotId,
			localDate: c.localDate,
			...times,
			room: c.room,
			maxPupils: c.maxPupils,
			freePupils: c.maxPupils === null ? null : c.maxPupils - pupils,
			fit: fitOf(c.localDate, partOf(times.start), wishes)
		};
		return { proposal, rank: rankOf(proposal.fit), startsAt: c.startsAt };
	});
	ranked.sort((a, b) => a.rank - b.rank || a.startsAt.localeCompare(b.startsAt) || a.proposal.slotId - b.proposal.slotId);
	return ranked.slice(0, limit).map((r) => r.proposal);
}
