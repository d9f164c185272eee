import type { Generated } from 'kysely';
import type { DbTime } from './time';
import type { CampaignsTable, EditionGradesTable, EditionsTable } from './tables/campaigns';
import type { CertificatesTable } from './tables/certificates';
import type { CampusClassCountersTable, EditionClassCountersTable } from './tables/class-counters';
import type { CampaignQuestionsTable, ClassEvaluationScoresTable, ClassEvaluationsTable } from './tables/evaluations';
import type { KitItemsTable, KitOrderLinesTable, KitOrdersTable } from './tables/kits';
import type { MissingFilesTable } from './tables/storage';
import type { PupilAnswerScoresTable, PupilAnswersTable, PupilDeviceMarksTable, PupilScoreTalliesTable, PupilSurveysTable } from './tables/pupil-survey';
import type { MaterialDownloadsTable, MaterialLevelsTable, MaterialsTable, MaterialVersionsTable } from './tables/materials';
import type { BlockedDaysTable, CalendarFeedsTable, SlotClassesTable, SlotTrainersTable, WorkshopSlotsTable } from './tables/workshops';

/**
 * The database, written by hand so that every column's meaning is reviewed. camelCase here, snake_case in SQL
 * (CamelCasePlugin). Booleans are 0/1; "active" columns are 1 or NULL so that withdrawn rows leave unique keys free.
 */
import type { ClassStatus, EditionStatus, InstructionLanguage, Level, Locale, Participation, Role } from '../../domain';
export type { ClassStatus, EditionStatus, InstructionLanguage, Level, Locale, Participation, Role };
export type TokenPurpose = 'email_confirm' | 'invite' | 'password_reset' | 'login_link';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OrganisationsTable {
	id: Generated<number>;
	name: string;
	nameKey: string;
	kind: 'expert' | 'school_board';
	contactName: string | null;
	contactEmail: string | null;
	phone: string | null;
	/** http(s) URL. */
	website: string | null;
	createdAt: DbTime;
	updatedAt: DbTime | null;
}

export interface UsersTable {
	id: Generated<number>;
	email: string;
	emailKey: string;
	displayName: string;
	passwordHash: string | null;
	locale: Locale;
	disabled: 0 | 1;
	emailConfirmedAt: DbTime | null;
	organisationId: number | null;
	/** 1: may assign the trainers of their own organisation to slots offered to it. */
	planner: Generated<0 | 1>;
	/** Optional mails the user wants (1) or not (0): reminders before/after workshops, follow-ups. */
	mailReminders: Generated<0 | 1>;
	mailFollowUps: Generated<0 | 1>;
	lastLoginAt: DbTime | null;
	/** Set once the account was anonymised (deletion or retention): the row stays as an owner placeholder. */
	anonymisedAt: Generated<DbTime | null>;
	/** When the retention job warned that the unused account will be anonymised; see src/lib/server/retention. */
	retentionWarnedAt: Generated<DbTime | null>;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface UserRolesTable {
	userId: number;
	role: Role;
	createdAt: DbTime;
}

export interface SessionsTable {
	/** SHA-256 (hex) of the token in the cookie. */
	id: string;
	userId: number;
	createdAt: DbTime;
	lastSeenAt: DbTime;
	idleExpiresAt: DbTime;
	expiresAt: DbTime;
	deviceLabel: string;
}

export interface AuthTokensTable {
	id: Generated<number>;
	tokenHash: string;
	purpose: TokenPurpose;
	userId: number;
	createdAt: DbTime;
	expiresAt: DbTime;
	usedAt: DbTime | null;
}

export interface RateLimitsTable {
	bucket: string;
	hits: number;
	windowStartedAt: DbTime;
	blockedUntil: DbTime | null;
}

export interface SchoolsTable {
	id: Generated<number>;
	name: string;
	nameKey: string;
	instellingsnummer: string | null;
	organisationId: number | null;
	active: 1 | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface CampusesTable {
	id: Generated<number>;
	schoolId: number;
	name: string;
	nameKey: string;
	street: string;
	postalCode: string;
	city: string;
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
	inviteCode: string;
	active: 1 | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface CampusLevelsTable {
	campusId: number;
	level: Level;
}

export interface TeacherCampusesTable {
	userId: number;
	campusId: number;
	createdAt: DbTime;
}

export interface ClassesTable {
	id: Generated<number>;
	editionId: number;
	campusId: number;
	name: string;
	nameKey: string;
	grade: string;
	level: Level;
	pupilCount: number;
	language: InstructionLanguage;
	remarks: string | null;
	status: ClassStatus;
	/** 'materials': materials and kit only, never planned on a workshop slot. */
	participation: Generated<Participation>;
	/** 1, or NULL once withdrawn (frees the name in the unique key). */
	active: 1 | null;
	/** Arrival order on the waiting list: positions are derived from (queuedAt, id). */
	queuedAt: DbTime;
	enrolledBy: number;
	withdrawnAt: DbTime | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface ClassPreferredHalfDaysTable {
	classId: number;
	localDate: string;
	part: 'am' | 'pm';
}

export interface SettingsTable {
	key: string;
	value: string | null;
	valueNl: string | null;
	valueEn: string | null;
	updatedAt: DbTime;
	updatedBy: number | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	actorUserId: number | null;
	action: string;
	entityType: string;
	entityId: string;
	beforeJson: string | null;
	afterJson: string | null;
	/** The campus and edition the entry is about, when it is about one (filters of the audit view). */
	campusId: Generated<number | null>;
	editionId: Generated<number | null>;
	createdAt: DbTime;
}

export type DeletionRequestStatus = 'open' | 'withdrawn' | 'done';

/** A user's request to delete their account; active 1 while open (one open request per user). */
export interface DeletionRequestsTable {
	id: Generated<number>;
	userId: number;
	/** Optional, the user's own words; cleared when the account is anonymised. */
	reason: string | null;
	status: DeletionRequestStatus;
	active: 1 | null;
	requestedAt: DbTime;
	resolvedAt: DbTime | null;
	resolvedBy: number | null;
}

export interface MailOutboxTable {
	id: Generated<number>;
	recipient: string;
	locale: Locale;
	template: string;
	paramsJson: string;
	subject: string;
	bodyText: string;
	bodyHtml: string;
	secretLink: string | null;
	status: OutboxStatus;
	attempts: number;
	nextAttemptAt: DbTime;
	sentAt: DbTime | null;
	lastError: string | null;
	dedupeKey: string;
	createdAt: DbTime;
	/** The sender that claimed the row and until when; a lapsed lease makes the row due again. */
	leaseOwner: Generated<string | null>;
	leaseUntil: Generated<DbTime | null>;
	/** A workshop mail's calendar invitation, frozen when it was queued, and its METHOD. */
	calendarIcs: Generated<string | null>;
	calendarMethod: Generated<'REQUEST' | 'CANCEL' | null>;
}

/** A periodic job's last run (the daily retention pass), claimed across processes by a conditional update. */
export interface JobRunsTable {
	name: string;
	lastRunAt: DbTime;
	resultJson: string | null;
}

export interface Database {
	organisations: OrganisationsTable;
	users: UsersTable;
	userRoles: UserRolesTable;
	sessions: SessionsTable;
	authTokens: AuthTokensTable;
	rateLimits: RateLimitsTable;
	schools: SchoolsTable;
	campuses: CampusesTable;
	campusLevels: CampusLevelsTable;
	teacherCampuses: TeacherCampusesTable;
	campaigns: CampaignsTable;
	editions: EditionsTable;
	editionGrades: EditionGradesTable;
	classes: ClassesTable;
	classPreferredHalfDays: ClassPreferredHalfDaysTable;
	editionClassCounters: EditionClassCountersTable;
	campusClassCounters: CampusClassCountersTable;
	settings: SettingsTable;
	auditLog: AuditLogTable;
	deletionRequests: DeletionRequestsTable;
	mailOutbox: MailOutboxTable;
	jobRuns: JobRunsTable;
	kitItems: KitItemsTable;
	kitOrders: KitOrdersTable;
	kitOrderLines: KitOrderLinesTable;
	materials: MaterialsTable;
	materialLevels: MaterialLevelsTable;
	materialVersions: MaterialVersionsTable;
	materialDownloads: MaterialDownloadsTable;
	blockedDays: BlockedDaysTable;
	workshopSlots: WorkshopSlotsTable;
	slotTrainers: SlotTrainersTable;
	slotClasses: SlotClassesTable;
	calendarFeeds: CalendarFeedsTable;
	certificates: CertificatesTable;
	missingFiles: MissingFilesTable;
	campaignQuestions: CampaignQuestionsTable;
	classEvaluations: ClassEvaluationsTable;
	classEvaluationScores: ClassEvaluationScoresTable;
	pupilSurveys: PupilSurveysTable;
	pupilAnswers: PupilAnswersTable;
	pupilAnswerScores: PupilAnswerScoresTable;
	pupilScoreTallies: PupilScoreTalliesTable;
	pupilDeviceMarks: PupilDeviceMarksTable;
}

export * from './tables/campaigns';
export * from './tables/certificates';
export * from './tables/class-counters';
export * from './tables/evaluations';
export * from './tables/kits';
export * from './tables/materials';
export * from './tables/pupil-survey';
export * from './tables/storage';
export * from './tables/workshops';
