import { z } from 'zod';
import { participations } from '../domain';
import { choice } from './fields';
import { classSchema, maxPreferredHalfDays } from './enrolment';

/**
 * How a class takes part (issue 17.5), kept beside the class schema rather than
 * inside it: a materials-only class asks for no workshop, so its preferred
 * half-days are dropped before the class schema sees them. Without JavaScript the
 * half-day fieldset stays on the page; whatever was typed there is ignored.
 */
export const participationSchema = z.object({
	// Absent (a form without the choice): unchanged on edit, a workshop on enrolment.
	participation: choice(participations).optional()
});

const halfDayFields = Array.from({ length: maxPreferredHalfDays }, (_, i) => [`pref${i + 1}Date`, `pref${i + 1}Part`]).flat();

function withoutHalfDaysIfMaterials(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object' || (raw as Record<string, unknown>).participation !== 'materials') return raw;
	return Object.fromEntries(Object.entries(raw).filter(([key]) => !halfDayFields.includes(key)));
}

/** The class form with its participation choice. */
export const classWithParticipationSchema = z.preprocess(withoutHalfDaysIfMaterials, classSchema).and(participationSchema);

export type ClassWithParticipation = z.output<typeof classWithParticipationSchema>;
