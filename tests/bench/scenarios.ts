import type { Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/auth/actor';
import { listCampusPage } from '../../src/lib/server/campuses/campus.repository';
import type { Database } from '../../src/lib/server/db/schema';
import { enrolmentFilterSchema, type EnrolmentFilter } from '../../src/lib/schemas/enrolment-filter';
import { listExportChunk } from '../../src/lib/server/reports/enrolment-overview.repository';
import { classFilterOf, enrolmentOverview } from '../../src/lib/server/reports/enrolment-overview.service';

/** What the benchmark measures and explains: the overview's pages and the campus list (workshops: workshop-scenarios.ts). */
export interface Scenario {
	name: string;
	run: (db: Kysely<Database>) => Promise<unknown>;
	/** What to say about the result besides the time (e.g. a feed's size). */
	note?: (result: unknown) => string;
}

const filter = (raw: Record<string, string>): EnrolmentFilter => enrolmentFilterSchema.parse(raw);

export function scenarios(actor: Actor, editionId: number, schoolId: number): Scenario[] {
	const overview = (name: string, raw: Record<string, string>): Scenario => ({ name, run: (db) => enrolmentOverview(db, actor, editionId, filter(raw)) });
	return [
		overview('overview: first page', {}),
		overview('overview: level lager', { level: 'lager' }),
		overview('overview: grade S2', { grade: 'S2' }),
		overview('overview: one school', { school: String(schoolId) }),
		overview('overview: waiting list', { status: 'waiting' }),
		overview('overview: search "jozef"', { q: 'jozef' }),
		overview('overview: search "5b"', { q: '5b' }),
		overview('overview: sort pupils desc', { sort: 'pupils', dir: 'desc' }),
		overview('overview: sort campus', { sort: 'campus' }),
		overview('overview: sort class', { sort: 'class' }),
		overview('overview: sort grade', { sort: 'grade' }),
		overview('overview: sort status', { sort: 'status' }),
		overview('overview: sort enrolled desc', { sort: 'enrolled', dir: 'desc' }),
		overview('overview: page 1000', { page: '1000' }),
		overview('overview: page 1000, pupils', { page: '1000', sort: 'pupils' }),
		{ name: 'export: one chunk of 500 after id 50,000', run: (db) => listExportChunk(db, classFilterOf(editionId, filter({ status: 'all' })), 50_000, 500) },
		{ name: 'export: one chunk, level lager', run: (db) => listExportChunk(db, classFilterOf(editionId, filter({ level: 'lager' })), 50_000, 500) },
		{ name: 'campus list: first page', run: (db) => listCampusPage(db, { limit: 25, offset: 0 }) },
		{ name: 'campus list: search "kortrijk"', run: (db) => listCampusPage(db, { search: 'kortrijk', limit: 25, offset: 0 }) },
		{ name: 'campus list: level secundair', run: (db) => listCampusPage(db, { level: 'secundair', limit: 25, offset: 0 }) },
		{ name: 'campus list: page 150', run: (db) => listCampusPage(db, { limit: 25, offset: 149 * 25 }) }
	];
}
