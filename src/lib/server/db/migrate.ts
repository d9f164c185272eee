import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Migrations bundled by Vite (dev server, Vitest, the built server): the files are
 * part of the bundle, so `node build` needs no db/ folder beside it.
 * The command-line script uses Kysely's FileMigrationProvider on the same folder;
 * names match because the extension is stripped in both.
 */
export function bundledMigrations(): MigrationProvider {
	const modules = import.meta.glob<Migration>('../../../../db/migrations/*.ts', { eager: true });
	return {
		async getMigrations() {
			const out: Record<string, Migration> = {};
			for (const [file, mod] of Object.entries(modules)) {
				const name = file.split('/').pop()!.replace(/\.ts$/, '');
				out[name] = mod;
			}
			return out;
		}
	};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, provider: MigrationProvider): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`);
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
