import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/auth/actor';
import { listAuditEntries } from '../../src/lib/server/audit/audit-view.repository';
import { auditPage, resolveAuditWhere } from '../../src/lib/server/audit/audit-view.service';
import type { Database } from '../../src/lib/server/db/schema';
import { parseAuditFilter } from '../../src/lib/schemas/audit-filter';
import type { Scenario } from './scenarios';

/**
 * The audit view on a log the size of a Flanders-wide edition: one entry per
 * class enrolled (100,000) and two per workshop slot (40,000), written with
 * INSERT … SELECT so loading takes seconds. Each filter of the page is timed,
 * with its count, and one export chunk deep in the log.
 */
export async function auditScenarios(db: Kysely<Database>, actor: Actor): Promise<Scenario[]> {
	const asText = (column: 'classes.id' | 'workshopSlots.id') => sql<string>`cast(${sql.ref(column)} as char)`;
	await db
		.insertInto('auditLog')
		.columns(['actorUserId', 'action', 'entityType', 'entityId', 'beforeJson', 'afterJson', 'campusId', 'editionId', 'createdAt'])
		.expression(
			db
				.selectFrom('classes')
				.select((eb) => ['enrolledBy', sql.lit('class.enrolled').as('a'), sql.lit('class').as('t'), asText('classes.id').as('e'), sql.lit(null).as('b'), eb.val('{"pupilCount":22}').as('j'), 'campusId', 'editionId', 'createdAt'])
		)
		.execute();
	for (const action of ['workshop.slot_created', 'workshop.booked']) {
		await db
			.insertInto('auditLog')
			.columns(['actorUserId', 'action', 'entityType', 'entityId', 'beforeJson', 'afterJson', 'campusId', 'editionId', 'createdAt'])
			.expression(db.selectFrom('workshopSlots').select(['createdBy', sql.lit(action).as('a'), sql.lit('workshop_slot').as('t'), asText('workshopSlots.id').as('e'), sql.lit(null).as('b'), sql.lit(null).as('j'), 'campusId', 'editionId', 'createdAt']))
			.execute();
	}
	const teacher = await db.selectFrom('users').innerJoin('classes', 'classes.enrolledBy', 'users.id').select('users.email').orderBy('users.id').limit(1).executeTakeFirstOrThrow();
	const campus = await db.selectFrom('campuses').select('name').orderBy('id').offset(100).limit(1).executeTakeFirstOrThrow();
	const edition = await db.selectFrom('editions').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
	const view = (name: string, query: string, page = 1): Scenario => ({
		name: `audit view: ${name}`,
		run: (d) => auditPage(d, actor, parseAuditFilter(new URLSearchParams(query)), { page, limit: 50, offset: (page - 1) * 50 }, '–'),
		note: (r) => `${(r as { total: number }).total} entries`
	});
	return [
		view('first page, no filter', ''),
		view('page 500, no filter', '', 500),
		view('person (a teacher)', `person=${encodeURIComponent(teacher.email)}`),
		view('campus', `campus=${encodeURIComponent(campus.name)}`),
		view('edition', `edition=${edition.id}`),
		view('kind workshop', 'kind=workshop'),
		view('kind settings (none)', 'kind=settings'),
		view('edition + kind class + one week', `edition=${edition.id}&kind=class&from=2026-01-01&to=2026-01-07`),
		{
			name: 'audit export: one chunk of 500 below id 70,000',
			run: async (d) => listAuditEntries(d, (await resolveAuditWhere(d, parseAuditFilter(new URLSearchParams(''))))!, { limit: 500, beforeId: 70_000 })
		}
	];
}
