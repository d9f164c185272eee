import type { Generated } from 'kysely';
import type { DbTime } from '../time';
import type { InstructionLanguage, Level } from '../../../domain';

/** Teaching materials, their versions and downloads (issue 4). */
export type MaterialKind = 'file' | 'link';

export interface MaterialsTable {
	id: Generated<number>;
	editionId: number;
	kind: MaterialKind;
	titleNl: string;
	titleEn: string;
	descriptionNl: string | null;
	descriptionEn: string | null;
	/** Language the material is written in. */
	language: InstructionLanguage;
	sortOrder: number;
	/** Only for links. */
	url: string | null;
	retiredAt: DbTime | null;
	createdBy: number;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface MaterialLevelsTable {
	materialId: number;
	level: Level;
}

export interface MaterialVersionsTable {
	id: Generated<number>;
	materialId: number;
	version: number;
	sha256: string;
	size: number;
	contentType: string;
	originalName: string;
	uploadedBy: number;
	uploadedAt: DbTime;
}

export interface MaterialDownloadsTable {
	id: Generated<number>;
	materialId: number;
	/** NULL for links. */
	versionId: number | null;
	campusId: number;
	userId: number;
	/** Brussels day, YYYY-MM-DD: one count per person, material and day. */
	localDate: string;
	createdAt: DbTime;
}
