/** Domain vocabulary shared by server and browser (client-safe). */
export const roles = ['coordinator', 'trainer', 'teacher'] as const;
export type Role = (typeof roles)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Flemish levels (niveaus). */
export const levels = ['kleuter', 'lager', 'secundair', 'buitengewoon_basis', 'buitengewoon_secundair', 'hoger'] as const;
export type Level = (typeof levels)[number];

export type EditionStatus = 'draft' | 'published' | 'archived';
