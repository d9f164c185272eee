/** Domain vocabulary shared by server and browser (client-safe). */
export const roles = ['coordinator', 'trainer', 'teacher'] as const;
export type Role = (typeof roles)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Flemish levels (niveaus). */
export const levels = ['kleuter', 'lager', 'secundair', 'buitengewoon_basis', 'buitengewoon_secundair', 'hoger'] as const;
export type Level = (typeof levels)[number];

export type EditionStatus = 'draft' | 'published' | 'archived';

/**
 * Grades (leerjaren) as short codes; each belongs to one level. Buitengewoon
 * onderwijs and hoger onderwijs have no numbered years here: one code each.
 */
export const gradesByLevel: Record<Level, readonly string[]> = {
	kleuter: ['K1', 'K2', 'K3'],
	lager: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'],
	secundair: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'],
	buitengewoon_basis: ['BB'],
	buitengewoon_secundair: ['BS'],
	hoger: ['HO']
};
export const grades = Object.values(gradesByLevel).flat();
export type Grade = string;

export function levelOfGrade(grade: string): Level | null {
	for (const level of levels) if (gradesByLevel[level].includes(grade)) return level;
	return null;
}

/** Languages of instruction a class can have. */
export const instructionLanguages = ['nl', 'fr', 'en', 'de'] as const;
export type InstructionLanguage = (typeof instructionLanguages)[number];

export const classStatuses = ['enrolled', 'waiting', 'withdrawn'] as const;
export type ClassStatus = (typeof classStatuses)[number];

/** How a class takes part: with a workshop (and the materials), or with the materials and kit only. */
export const participations = ['workshop', 'materials'] as const;
export type Participation = (typeof participations)[number];

export const pupilCountMax = 40;
