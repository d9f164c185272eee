import type { Generated } from 'kysely';
import type { DbTime } from './time';

/**
 * The database, written by hand so that every column's meaning is reviewed.
 * camelCase here, snake_case in SQL (CamelCasePlugin). Booleans are 0/1;
 * "active" columns are 1 or NULL so that withdrawn rows leave unique keys free.
 */
import type { ClassStatus, EditionStatus, InstructionLanguage, Level, Locale, Role } from '../../domain';
export type { ClassStatus, EditionStatus, InstructionLanguage, Level, Locale, Role };
export type TokenPurpose = 'email_confirm' | 'invite' | 'password_reset';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OrganisationsTable {
	id: Generated<number>;
	name: string;
	nameKey: string;
	kind: 'expert' | 'school_board';
	createdAt: DbTime;
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
	lastLoginAt: DbTime | null;
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

export interface CampaignsTable {
	id: Generated<number>;
	name: string;
	nameKey: string;
	descriptionNl: string | null;
	descriptionEn: string | null;
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
	/** Certificate branding; NULL: the default look. Colours "#rrggbb"; the logo lives in the file store. */
	certificateTitleNl: Generated<string | null>;
	certificateTitleEn: Generated<string | null>;
	certificatePrimaryColor: Generated<string | null>;
	certificateAccentColor: Generated<string | null>;
	certificateLogoSha256: Generated<string | null>;
	certificateLogoType: Generated<string | null>;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface EditionGradesTable {
	editionId: number;
	grade: string;
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
	createdAt: DbTime;
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
	settings: SettingsTable;
	auditLog: AuditLogTable;
	mailOutbox: MailOutboxTable;
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
}

export type CertificateKind = 'class' | 'campus' | 'trainer';

export interface CertificatesTable {
	id: Generated<number>;
	/** Crockford base32, normalised (upper case, no separators). */
	code: string;
	kind: CertificateKind;
	editionId: number;
	/** "class:<id>", "campus:<id>" or "trainer:<id>": one valid certificate per subject and edition. */
	subjectKey: string;
	campusId: number | null;
	classId: number | null;
	trainerId: number | null;
	/** What was certified at issue time (JSON). */
	factsJson: string;
	/** 1 while valid, NULL once revoked. */
	active: 1 | null;
	issuedBy: number | null;
	issuedAt: DbTime;
	revokedAt: DbTime | null;
	revokedBy: number | null;
	revokeReason: string | null;
	/** The certificate this one was reissued for. */
	replacesId: number | null;
}

export type BlockedDayKind = 'public_holiday' | 'school_holiday' | 'study_day' | 'exam' | 'other';

export interface BlockedDaysTable {
	editionId: number;
	localDate: string;
	kind: BlockedDayKind;
	label: string | null;
}

export type SlotStatus = 'scheduled' | 'cancelled';
export type SlotOutcome = 'given' | 'not_given';
export type NotGivenReason = 'cancelled_by_school' | 'trainer_ill' | 'class_absent' | 'other';

export interface WorkshopSlotsTable {
	id: Generated<number>;
	editionId: number;
	campusId: number;
	/** The Brussels day of startsAt, YYYY-MM-DD. */
	localDate: string;
	startsAt: DbTime;
	endsAt: DbTime;
	room: string | null;
	language: InstructionLanguage;
	trainersNeeded: number;
	/** Raised only by a conditional UPDATE while below trainersNeeded. */
	trainersBooked: Generated<number>;
	maxPupils: number | null;
	/** NULL: offered to every expert organisation. */
	organisationId: number | null;
	trainerNote: string | null;
	status: SlotStatus;
	cancelledAt: DbTime | null;
	cancelReason: string | null;
	/** Raised on every change; calendar clients compare it. */
	sequence: Generated<number>;
	outcome: SlotOutcome | null;
	pupilsPresent: number | null;
	durationMinutes: number | null;
	reportNote: string | null;
	notGivenReason: NotGivenReason | null;
	reportedAt: DbTime | null;
	reportedBy: number | null;
	createdBy: number;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface SlotTrainersTable {
	id: Generated<number>;
	slotId: number;
	trainerId: number;
	/** 1 while booked, NULL once cancelled (keeps the history, frees the unique key). */
	active: 1 | null;
	bookedAt: DbTime;
	bookedBy: number;
	cancelledAt: DbTime | null;
	cancelledBy: number | null;
	cancelReason: string | null;
}

export interface SlotClassesTable {
	slotId: number;
	classId: number;
}

export interface CalendarFeedsTable {
	id: Generated<number>;
	/** SHA-256 (hex) of the token in the address. */
	tokenHash: string;
	userId: number;
	/** NULL: a trainer's own feed; set: a coordinator's feed of one edition. */
	editionId: number | null;
	createdAt: DbTime;
	revokedAt: DbTime | null;
}

export type KitAllowanceKind = 'per_pupil' | 'fixed_per_campus';
export type KitOrderStatus = 'draft' | 'submitted' | 'approved' | 'packed' | 'handed_over' | 'cancelled';
export type KitDelivery = 'delivery' | 'pickup';

/** A kit item of an edition with its stock; available = onHand - reserved - handedOut. */
export interface KitItemsTable {
	id: Generated<number>;
	editionId: number;
	nameNl: string;
	nameEn: string;
	nameKey: string;
	unitNl: string;
	unitEn: string;
	/** NULL: meant for every level. */
	level: Level | null;
	allowanceKind: KitAllowanceKind;
	/** per_pupil: 1100 means enrolled pupils x 1.1, rounded up. */
	marginPerMille: number | null;
	/** fixed_per_campus: this many per campus. */
	fixedQuantity: number | null;
	/** NULL: low below 10% of onHand (rounded up). */
	lowStockThreshold: number | null;
	sortOrder: number;
	active: 1 | null;
	onHand: number;
	reserved: number;
	handedOut: number;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface KitOrdersTable {
	id: Generated<number>;
	editionId: number;
	campusId: number;
	status: KitOrderStatus;
	/** 1 while draft or submitted, NULL afterwards: one open order per campus per edition. */
	open: 1 | null;
	delivery: KitDelivery;
	remarks: string | null;
	supplementaryOf: number | null;
	createdBy: number;
	updatedBy: number;
	approvedBy: number | null;
	approvedAt: DbTime | null;
	packedAt: DbTime | null;
	handedOverOn: string | null;
	receivedBy: string | null;
	cancelledAt: DbTime | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface KitOrderLinesTable {
	orderId: number;
	itemId: number;
	quantity: number;
}

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
