import { z } from 'zod';
import { grades, instructionLanguages } from '../domain';
import { choice, requiredText } from './fields';
import { classNameMax, pupilCount } from './enrolment';

/**
 * Several classes of one campus in one form (issue 18.3). Each row is a class's
 * name, grade, pupils and language; preferred half-days and remarks are added per
 * class afterwards, so a row stays one line. Client-safe: the form uses the limits.
 */
export const classRowsDefault = 3;
export const classRowsMax = 30;

export const classRowFields = ['name', 'grade', 'pupilCount', 'language'] as const;
export type ClassRowField = (typeof classRowFields)[number];

/** The posted name of a row's field: rows are numbered from 1 as the page shows them. */
export const rowField = (row: number, field: ClassRowField) => `class-${row}-${field}`;

/** The number of rows asked for, within 1 and the maximum; anything else is the default. */
export function rowCount(raw: unknown, fallback = classRowsDefault): number {
	const n = typeof raw === 'string' && /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : NaN;
	if (!Number.isInteger(n)) return fallback;
	return Math.min(classRowsMax, Math.max(1, n));
}

export const classRowSchema = z.object({
	name: requiredText(classNameMax),
	grade: choice(grades as unknown as [string, ...string[]]),
	pupilCount: pupilCount(),
	language: choice(instructionLanguages)
});

export type ClassRow = z.output<typeof classRowSchema>;
