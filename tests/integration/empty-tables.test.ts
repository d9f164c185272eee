import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { describeEachDatabase, emptyTables } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, createEdition, teacherAt } from './support/enrolment-fixtures';

/** Rows per table of the app's schema, read from the database itself. */
async function rowsPerTable(db: Parameters<typeof emptyTables>[0]) {
	const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
	const counts: Record<string, number> = {};
	for (const table of tables) counts[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0].n);
	return counts;
}

describeEachDatabase('between tests', (dialect) => {
	const ctx = useDatabase(dialect);

	it('every table of the schema is emptied, whatever points at what', async () => {
		const editionId = await createEdition(ctx.db);
		const teacher = await teacherAt(ctx.db, 'an@school.be');
		await enrolClass(ctx.db, teacher.actor, aClass(editionId, teacher.campusId, '5A'));
		const before = await rowsPerTable(ctx.db);
		// Rows in tables that point at each other (classes -> editions, campuses; counters -> both).
		for (const table of ['classes', 'editions', 'campuses', 'users', 'edition_class_counters']) expect(before[table], table).toBeGreaterThan(0);
		await emptyTables(ctx.db);
		const after = await rowsPerTable(ctx.db);
		expect(Object.keys(after).length).toBeGreaterThan(30);
		expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
	});
});
