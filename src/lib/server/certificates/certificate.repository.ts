import type { Db } from '../db';
import type { NewRow } from '../db/rows';

/**
 * SQL for certificates. The facts of a certificate come from a handful of
 * set-based queries (one per kind of fact), never one query per workshop.
 */

const certificateColumns = [
	'certificates.id',
	'certificates.code',
	'certificates.kind',
	'certificates.editionId',
	'certificates.subjectKey',
	'certificates.campusId',
	'certificates.classId',
	'certificates.trainerId',
	'certificates.factsJson',
	'certificates.active',
	'certificates.issuedAt',
	'certificates.revokedAt',
	'certificates.replacesId'
] as const;

const brandingColumns = [
	'editions.certificateTitleNl',
	'editions.certificateTitleEn',
	'editions.certificatePrimaryColor',
	'editions.certificateAccentColor',
	'editions.certificateLogoSha256',
	'editions.certificateLogoType'
] as const;

/** What every certificate subject needs to know of its edition and campaign. */
const subjectEditionColumns = [
	'editions.id as editionId',
	'editions.name as editionName',
	'editions.year as editionYear',
	'editions.status as editionStatus',
	'editions.workshopEndsOn',
	'campaigns.name as campaignName'
] as const;

const withEdition = (db: Db) => db.selectFrom('certificates').innerJoin('editions', 'editions.id', 'certificates.editionId');

export const findActiveCertificate = (db: Db, editionId: number, subjectKey: string) =>
	withEdition(db)
		.select([...certificateColumns, ...brandingColumns])
		.where('certificates.editionId', '=', editionId)
		.where('certificates.subjectKey', '=', subjectKey)
		.where('certificates.active', '=', 1)
		.executeTakeFirst();

export const findCertificateById = (db: Db, id: number) =>
	withEdition(db)
		.select([...certificateColumns, ...brandingColumns])
		.where('certificates.id', '=', id)
		.executeTakeFirst();

export const findCertificateByCode = (db: Db, code: string) =>
	withEdition(db)
		.select([...certificateColumns, ...brandingColumns])
		.where('certificates.code', '=', code)
		.executeTakeFirst();

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificateById>>>;

/** The valid certificates of some subjects of an edition ("class:12", …), in one query. */
export const listActiveBySubjects = (db: Db, editionId: number, subjectKeys: string[]) =>
	subjectKeys.length === 0
		? Promise.resolve([])
		: withEdition(db)
				.select([...certificateColumns, ...brandingColumns])
				.where('certificates.editionId', '=', editionId)
				.where('certificates.subjectKey', 'in', subjectKeys)
				.where('certificates.active', '=', 1)
				.execute();

/**
 * Subjects of an edition whose certificate was revoked and not reissued: a
 * revoked row and no valid one. Such a subject gets no new code as a side
 * effect of a download; only the coordinator's reissue makes one.
 */
export async function listRevokedSubjects(db: Db, editionId: number, subjectKeys: string[]): Promise<Set<string>> {
	if (subjectKeys.length === 0) return new Set();
	const rows = await db
		.selectFrom('certificates as c')
		.select('c.subjectKey')
		.distinct()
		.where('c.editionId', '=', editionId)
		.where('c.subjectKey', 'in', subjectKeys)
		.where('c.active', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('certificates as v')
						.select('v.id')
						.whereRef('v.editionId', '=', 'c.editionId')
						.whereRef('v.subjectKey', '=', 'c.subjectKey')
						.where('v.active', '=', 1)
				)
			)
		)
		.execute();
	return new Set(rows.map((r) => r.subjectKey));
}

/** How many class certificates of an edition (or one campus) are revoked and not reissued. */
export async function countRevokedClassSubjects(db: Db, editionId: number, campusId: number | null): Promise<number> {
	let q = db
		.selectFrom('certificates as c')
		.innerJoin('classes', 'classes.id', 'c.classId')
		.select((eb) => eb.fn.count<number>('c.subjectKey').distinct().as('n'))
		.where('c.editionId', '=', editionId)
		.where('c.kind', '=', 'class')
		.where('c.active', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('certificates as v')
						.select('v.id')
						.whereRef('v.editionId', '=', 'c.editionId')
						.whereRef('v.subjectKey', '=', 'c.subjectKey')
						.where('v.active', '=', 1)
				)
			)
		);
	if (campusId !== null) q = q.where('classes.campusId', '=', campusId);
	const row = await q.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function insertCertificate(db: Db, row: NewRow<'certificates'>): Promise<number> {
	const r = await db.insertInto('certificates').values(row).executeTakeFirstOrThrow();
	return Number(r.insertId);
}

/** Only a valid certificate is revoked; the count tells whether this call did it. */
export async function revokeActive(db: Db, id: number, by: number, at: string, reason: string | null): Promise<boolean> {
	const r = await db
		.updateTable('certificates')
		.set({ active: null, revokedAt: at, revokedBy: by, revokeReason: reason })
		.where('id', '=', id)
		.where('active', '=', 1)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Classes with their campus, school, edition and campaign. */
const classSubjects = (db: Db) =>
	db
		.selectFrom('classes')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select([
			'classes.id as classId',
			'classes.name as className',
			'classes.grade',
			'classes.status as classStatus',
			'classes.participation',
			'classes.campusId',
			'campuses.name as campusName',
			'schools.name as schoolName',
			...subjectEditionColumns
		]);

/** The class with its campus, school, edition and campaign: one row. */
export const findClassSubject = (db: Db, classId: number) => classSubjects(db).where('classes.id', '=', classId).executeTakeFirst();

export type ClassSubjectRow = NonNullable<Awaited<ReturnType<typeof findClassSubject>>>;

/** The same for many classes at once (bulk issuing). */
export const listClassSubjects = (db: Db, classIds: number[]) =>
	classIds.length === 0 ? Promise.resolve([]) : classSubjects(db).where('classes.id', 'in', classIds).execute();

/** The campus with its school, and the edition with its campaign: one row. */
export const findCampusSubject = (db: Db, editionId: number, campusId: number) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', (j) => j.on('editions.id', '=', editionId))
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select(['campuses.id as campusId', 'campuses.name as campusName', 'schools.name as schoolName', ...subjectEditionColumns])
		.where('campuses.id', '=', campusId)
		.executeTakeFirst();

/** The trainer with their organisation, and the edition with its campaign: one row. */
export const findTrainerSubject = (db: Db, editionId: number, trainerId: number) =>
	db
		.selectFrom('users')
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'trainer'))
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.innerJoin('editions', (j) => j.on('editions.id', '=', editionId))
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select(['users.id as trainerId', 'users.displayName as trainerName', 'organisations.name as organisationName', ...subjectEditionColumns])
		.where('users.id', '=', trainerId)
		.executeTakeFirst();

/**
 * Given workshops with the organisations of the trainers who gave them (one row
 * per slot and organisation; a slot without an organised trainer gives NULL).
 */
const givenSlots = (db: Db) =>
	db
		.selectFrom('workshopSlots')
		.leftJoin('slotTrainers', (j) => j.onRef('slotTrainers.slotId', '=', 'workshopSlots.id').on('slotTrainers.active', '=', 1))
		.leftJoin('users', 'users.id', 'slotTrainers.trainerId')
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.select(['workshopSlots.id as slotId', 'workshopSlots.localDate', 'organisations.name as organisation'])
		.distinct()
		.where('workshopSlots.outcome', '=', 'given')
		.where('workshopSlots.status', '=', 'scheduled');

export const listGivenSlotsOfClass = (db: Db, classId: number) =>
	givenSlots(db)
		.innerJoin('slotClasses', 'slotClasses.slotId', 'workshopSlots.id')
		.where('slotClasses.classId', '=', classId)
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.id')
		.execute();

/** Given workshops of many classes, with the class each belongs to (bulk issuing). */
export const listGivenSlotsOfClasses = (db: Db, classIds: number[]) =>
	classIds.length === 0
		? Promise.resolve([])
		: givenSlots(db)
				.innerJoin('slotClasses', 'slotClasses.slotId', 'workshopSlots.id')
				.select('slotClasses.classId')
				.where('slotClasses.classId', 'in', classIds)
				.orderBy('workshopSlots.localDate')
				.orderBy('workshopSlots.id')
				.execute();

/** Many certificates in one statement. */
export async function insertCertificates(db: Db, rows: NewRow<'certificates'>[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('certificates').values(rows).execute();
}

export const listGivenSlotsOfCampus = (db: Db, editionId: number, campusId: number) =>
	givenSlots(db)
		.where('workshopSlots.editionId', '=', editionId)
		.where('workshopSlots.campusId', '=', campusId)
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.id')
		.execute();

/** Given workshops of one trainer in an edition, with the trainer's own organisation. */
export const listGivenSlotsOfTrainer = (db: Db, editionId: number, trainerId: number) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('slotTrainers', (j) => j.onRef('slotTrainers.slotId', '=', 'workshopSlots.id').on('slotTrainers.active', '=', 1))
		.select(['workshopSlots.id as slotId', 'workshopSlots.localDate'])
		.where('slotTrainers.trainerId', '=', trainerId)
		.where('workshopSlots.editionId', '=', editionId)
		.where('workshopSlots.outcome', '=', 'given')
		.where('workshopSlots.status', '=', 'scheduled')
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.id')
		.execute();
