import * as m from '$lib/paraglide/messages';

/** Words the trainer's workshop pages share: languages, reasons, how many trainers a slot still needs. */
const languages: Record<string, () => string> = { nl: m.wst_lang_nl, fr: m.wst_lang_fr, en: m.wst_lang_en, de: m.wst_lang_de };
export const languageLabel = (language: string) => (languages[language] ?? m.wst_lang_nl)();

const reasons: Record<string, () => string> = {
	cancelled_by_school: m.wst_reason_cancelled_by_school,
	trainer_ill: m.wst_reason_trainer_ill,
	class_absent: m.wst_reason_class_absent,
	other: m.wst_reason_other
};
export const notGivenLabel = (reason: string | null) => (reason && reasons[reason] ? reasons[reason]() : '');

export function neededLabel(slot: { stillNeeded: number; trainersNeeded: number }): string {
	if (slot.stillNeeded === 0) return m.wst_needed_none();
	if (slot.trainersNeeded === 2 && slot.stillNeeded === 1) return m.wst_needed_one_of_two();
	return slot.stillNeeded === 2 ? m.wst_needed_two() : m.wst_needed_one();
}

/** A slot's status as "my workshops" shows it: a badge text and its tone. */
export function stateBadge(slot: { state: string; toReport: boolean; outcome: string | null }): { text: string; tone?: 'ok' | 'warn' | 'off' } | null {
	if (slot.state === 'slot_cancelled') return { text: m.wst_state_slot_cancelled(), tone: 'off' };
	if (slot.state === 'cancelled_by_me') return { text: m.wst_state_cancelled_by_me(), tone: 'off' };
	if (slot.state === 'taken_off') return { text: m.wst_state_taken_off(), tone: 'off' };
	if (slot.outcome === 'given') return { text: m.wst_state_given(), tone: 'ok' };
	if (slot.outcome === 'not_given') return { text: m.wst_state_not_given(), tone: 'off' };
	if (slot.toReport) return { text: m.wst_state_to_report(), tone: 'warn' };
	return null;
}
