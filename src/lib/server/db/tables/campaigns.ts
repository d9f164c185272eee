import type { Generated } from 'kysely';
import type { EditionStatus } from '../../../domain';
import type { DbTime } from '../time';

/** Campaigns and their yearly editions (with the grades an edition is for). */
export interface CampaignsTable {
	id: Generated<number>;
	name: string;
	nameKey: string;
	descriptionNl: string | null;
	descriptionEn: string | null;
	/** http(s) URL. */
	website: string | null;
	/** "#rrggbb", dark enough for white text (AA, 4.5:1). */
	colour: string | null;
	/** 1: pupils answer the same questions before and after the workshop (issue 19.2). */
	pupilBeforeAfter: Generated<number>;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface EditionsTable {
	id: Generated<number>;
	campaignId: number;
	year: number;
	name: string;
	status: EditionStatus;
	enrolmentOpensAt: DbTime;
	enrolmentClosesAt: DbTime;
	/** Calendar dates, YYYY-MM-DD. */
	workshopStartsOn: string;
	workshopEndsOn: string;
	descriptionNl: string | null;
	descriptionEn: string | null;
	/** NULL: no maximum. */
	maxClasses: number | null;
	maxClassesPerCampus: number | null;
	copiedFromEditionId: number | null;
	/** Workshop rules: minutes between slots at different campuses, workshops per trainer per Brussels day, days before a slot a trainer may still cancel. */
	travelBufferMinutes: Generated<number>;
	maxWorkshopsPerTrainerDay: Generated<number>;
	cancellationDeadlineDays: Generated<number>;
	/** Days before a workshop its trainers and teachers get a reminder; when workshops can be held (src/lib/calendar/school-hours.ts). */
	reminderDaysBefore: Generated<number>;
	schoolHours: Generated<string>;
	/** Certificate branding; NULL: the default look. Colours "#rrggbb"; the logo lives in the file store. */
	certificateTitleNl: Generated<string | null>;
	certificateTitleEn: Generated<string | null>;
	certificatePrimaryColor: Generated<string | null>;
	certificateAccentColor: Generated<string | null>;
	certificateLogoSha256: Generated<string | null>;
	certificateLogoType: Generated<string | null>;
	createdAt: DbTime;
	updatedAt: DbTime;
	/** When the edition was archived (NULL otherwise): raw pupil answers are deleted a set number of days after it. */
	archivedAt: Generated<DbTime | null>;
}

export interface EditionGradesTable {
	editionId: number;
	grade: string;
}
