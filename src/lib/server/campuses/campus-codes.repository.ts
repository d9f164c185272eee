import type { Db } from '../db';

/** Every active campus of an active school with its address, contact and code, in school and campus order. */
export const listCampusCodes = (db: Db) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'campuses.id',
			'schools.name as schoolName',
			'schools.instellingsnummer',
			'campuses.name',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'campuses.contactName',
			'campuses.contactEmail',
			'campuses.contactPhone',
			'campuses.inviteCode'
		])
		.where('campuses.active', '=', 1)
		.where('schools.active', '=', 1)
		.orderBy('schools.nameKey')
		.orderBy('campuses.nameKey')
		.orderBy('campuses.id')
		.execute();
