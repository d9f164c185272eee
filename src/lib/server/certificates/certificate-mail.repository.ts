import type { Db } from '../db';

/**
 * The classes of a given workshop whose certificate a teacher may now download,
 * with that teacher: the rule of buildClassSubject for a teacher (an enrolled
 * class, a given workshop that was not cancelled, a teacher of the class's
 * campus). The teacher is the one who enrolled the class, as for every class mail.
 */
export const listClassesWithCertificate = (db: Db, slotId: number) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.innerJoin('teacherCampuses', (j) => j.onRef('teacherCampuses.userId', '=', 'users.id').onRef('teacherCampuses.campusId', '=', 'classes.campusId'))
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'teacher'))
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'classes.id as classId',
			'classes.name as className',
			'classes.editionId',
			'users.email',
			'users.displayName',
			'users.locale',
			'editions.name as edition',
			'campuses.name as campus',
			'schools.name as school'
		])
		.where('slotClasses.slotId', '=', slotId)
		.where('workshopSlots.outcome', '=', 'given')
		.where('workshopSlots.status', '=', 'scheduled')
		.where('classes.status', '=', 'enrolled')
		.orderBy('classes.id')
		.execute();

/** A class with its teacher, as every certificate mail names them. */
export type CertificateMailRow = Awaited<ReturnType<typeof listClassesWithCertificate>>[number];
