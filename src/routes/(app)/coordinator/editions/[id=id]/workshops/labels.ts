import type { InstructionLanguage } from '$lib/domain';
import * as m from '$lib/paraglide/messages';

/** Words for a slot's state, language and history, shared by the coordinator's workshop pages. */
export type SlotState = 'cancelled' | 'given' | 'not_given' | 'unreported' | 'planned';

const states: Record<SlotState, () => string> = {
	planned: m.wsa_state_planned,
	cancelled: m.wsa_state_cancelled,
	given: m.wsa_state_given,
	not_given: m.wsa_state_not_given,
	unreported: m.wsa_state_unreported
};
export const stateLabel = (state: SlotState) => states[state]();

/** The badge tone of a state: green when done, amber when someone has to act, grey when it will not happen. */
export const stateTone = (state: SlotState, needsTrainers: boolean): 'ok' | 'warn' | 'off' | undefined =>
	state === 'cancelled' || state === 'not_given'
		? 'off'
		: state === 'unreported' || (state === 'planned' && needsTrainers)
			? 'warn'
			: state === 'given'
				? 'ok'
				: undefined;

const languages: Record<InstructionLanguage, () => string> = { nl: m.enrol_lang_nl, fr: m.enrol_lang_fr, en: m.enrol_lang_en, de: m.enrol_lang_de };
export const languageLabel = (l: InstructionLanguage) => languages[l]();

const reasons: Record<string, () => string> = {
	cancelled_by_school: m.wsa_reason_cancelled_by_school,
	trainer_ill: m.wsa_reason_trainer_ill,
	class_absent: m.wsa_reason_class_absent,
	other: m.wsa_reason_other
};
export const notGivenLabel = (reason: string | null) => (reason && reasons[reason] ? reasons[reason]() : m.wsa_reason_other());

const actions: Record<string, () => string> = {
	'workshop.slot_created': m.wsa_history_created,
	'workshop.slot_updated': m.wsa_history_updated,
	'workshop.slot_hours_exception': m.hours_history_exception,
	'workshop.slot_cancelled': m.wsa_history_cancelled,
	'workshop.slot_classes_set': m.wsa_history_classes,
	'workshop.booked': m.wsa_history_booked,
	'workshop.trainer_assigned': m.wsa_history_assigned,
	'workshop.booking_cancelled': m.wsa_history_booking_cancelled,
	'workshop.trainer_unassigned': m.wsa_history_unassigned,
	'workshop.reported': m.wsa_history_reported,
	'workshop.report_corrected': m.wsa_history_report_corrected
};
export const historyLabel = (action: string) => actions[action]?.() ?? action;

/** "Trainers 1/2" with the names of those booked. */
export const trainersLine = (s: { trainersBooked: number; trainersNeeded: number; trainers: { displayName: string }[] }) =>
	m.wsa_trainers_line({ booked: s.trainersBooked, needed: s.trainersNeeded }) +
	(s.trainers.length ? `: ${s.trainers.map((t) => t.displayName).join(', ')}` : '');
