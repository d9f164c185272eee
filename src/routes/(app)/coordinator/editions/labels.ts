import type { EditionStatus } from '$lib/domain';
import * as m from '$lib/paraglide/messages';

/** Words for an edition's stored status and its derived enrolment phase, shared by the edition pages. */
export const statusLabel = (status: EditionStatus): string =>
	status === 'draft' ? m.ed_status_draft() : status === 'published' ? m.ed_status_published() : m.ed_status_archived();

export function phaseLabel(phase: 'draft' | 'not_yet_open' | 'open' | 'closed' | 'archived'): string {
	switch (phase) {
		case 'draft':
			return m.ed_phase_draft();
		case 'not_yet_open':
			return m.ed_phase_not_yet_open();
		case 'open':
			return m.ed_phase_open();
		case 'closed':
			return m.ed_phase_closed();
		case 'archived':
			return m.ed_phase_archived();
	}
}
