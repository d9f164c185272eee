/** Enrolled classes of an edition, and a version raised by every write to its classes (caches compare it). */
export interface EditionClassCountersTable {
	editionId: number;
	enrolled: number;
	version: number;
}

/** Enrolled classes of one campus in an edition; no row means none. */
export interface CampusClassCountersTable {
	editionId: number;
	campusId: number;
	enrolled: number;
}
