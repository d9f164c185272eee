import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Queries live in repositories only (issue 15): services hold rules and
 * transactions, routes hold neither. A Kysely query built anywhere else in src/
 * fails here. `db.transaction()` is not a query and stays allowed in services.
 */
const queryBuilding = /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\bsql(<[^>]*>)?`/;

/** Database infrastructure that may build SQL, each for a reason that is not a domain's query. */
const infrastructure: Record<string, string> = {
	// The portable `LIKE … ESCAPE '!'` fragment that repositories put into their own queries.
	'src/lib/server/db/like.ts': 'a SQL fragment for repositories, not a query',
	// Time arithmetic (an instant plus minutes, a day plus days) that differs between SQLite and MySQL.
	'src/lib/server/db/sql-time.ts': 'SQL fragments for repositories, not a query',
	// The start-up and health ping (`select 1`) and SQLite's `pragma optimize`: about the connection, not a table.
	'src/lib/server/db/maintenance.ts': 'connection upkeep'
};

/**
 * Still to move, by another branch of the same issue: remove each entry when that
 * branch is merged (the last test below fails once the file no longer needs it).
 */
const pending: Record<string, string> = {};

/** Every source file under a folder (generated Paraglide output left out). */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return full === path.join('src', 'lib', 'paraglide') ? [] : sources(full);
		return /\.(ts|js|svelte)$/.test(e.name) ? [full] : [];
	});
}

const posix = (file: string) => file.split(path.sep).join('/');
const mayQuery = (file: string) => file.endsWith('.repository.ts') || file.includes('/db/migrations/') || file in infrastructure || file in pending;

describe('SQL', () => {
	it('is built only in *.repository.ts files (and migrations and the db infrastructure listed here)', () => {
		const offenders = sources('src')
			.map(posix)
			.filter((file) => !mayQuery(file) && queryBuilding.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('allows no file that no longer builds a query (a stale entry hides the next one)', () => {
		const stale = Object.keys({ ...infrastructure, ...pending }).filter((file) => {
			try {
				return !queryBuilding.test(readFileSync(file, 'utf8'));
			} catch {
				return true; // moved or removed
			}
		});
		expect(stale).toEqual([]);
	});

	it('is recognised by the rule, so the rule cannot pass by matching nothing', () => {
		for (const built of [
			"db.selectFrom('users')",
			"trx.updateTable('classes')",
			'sql`pragma optimize`',
			'sql<SqlBool>`1`',
			'db.selectNoFrom((eb) => eb.lit(1))'
		])
			expect(queryBuilding.test(built), built).toBe(true);
		expect(queryBuilding.test('await withTransaction(db, async (trx) => audit(trx, entry))')).toBe(false);
	});
});
