import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { bundledMigrations, migrateToLatest } from '../../src/lib/server/db/migrate';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';

describeEachDatabase('migrations', (dialect) => {
	const ctx = useDatabase(dialect);

	it('are all applied, and applying again changes nothing', async () => {
		const migrations = await new Migrator({ db: ctx.db, provider: bundledMigrations() }).getMigrations();
		expect(migrations.length).toBeGreaterThanOrEqual(15);
		expect(migrations.every((m) => m.executedAt)).toBe(true);
		expect(await migrateToLatest(ctx.db, bundledMigrations())).toEqual([]);
	});

	it('can be rolled back to nothing and applied again (each down undoes its up)', async () => {
		const migrator = new Migrator({ db: ctx.db, provider: bundledMigrations() });
		const all = await migrator.getMigrations();
		for (let i = 0; i < all.length; i++) {
			const { error } = await migrator.migrateDown();
			expect(error).toBeUndefined();
		}
		const tables = (await ctx.db.introspection.getTables()).map((t) => t.name);
		expect(tables.filter((t) => !t.startsWith('kysely_'))).toEqual([]);
		expect((await migrateToLatest(ctx.db, bundledMigrations())).length).toBe(all.length);
	});
});

describe('migration files', () => {
	it('are named in order and import nothing from the app but the dialect helper', async () => {
		const files = Object.keys(import.meta.glob('../../db/migrations/*.ts'));
		const sources = import.meta.glob('../../db/migrations/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
		for (const file of files) {
			expect(file).toMatch(/\/\d{4}-\d{2}-\d{2}T\d{4}_[a-z0-9_]+\.ts$/);
			const imports = [...sources[file].matchAll(/from '([^']+)'/g)].map((m) => m[1]);
			expect(imports.every((i) => i === 'kysely' || i === '../schema-helpers')).toBe(true);
		}
		expect([...files].sort()).toEqual(files);
	});
});
