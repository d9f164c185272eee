import { removeStaleBuckets } from './auth/rate-limit.repository';
import { removeExpiredSessions } from './auth/session.repository';
import { config, maskUrl } from './config';
import { sql } from 'kysely';
import { closeDb, getHandle } from './db';
import { bundledMigrations, migrateToLatest } from './db/migrate';
import { days, nowDb, toDbTime, clock } from './db/time';
import { logger } from './log';
import { removeStaleImportFiles } from './campuses/campus-import/import-file-store';
import { isDatabaseEmpty, seedDemo } from '../../../db/seeds/demo';

/**
 * Runs once when the server starts (the `init` hook; never while building):
 * reach the database, migrate it, load the demo into an empty embedded database,
 * start the housekeeping timer. A failure prints one line and exits 1.
 */
export async function startServer(): Promise<void> {
	const url = config().DATABASE_URL;
	let handle;
	try {
		handle = await getHandle();
		await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
	} catch (err) {
		console.error(`Cannot reach the database at DATABASE_URL=${maskUrl(url)}: ${(err as Error).message}`);
		process.exit(1);
	}
	try {
		const applied = await migrateToLatest(handle.db, bundledMigrations());
		if (applied.length) logger.info('migrated', { applied });
		// The demo loads by itself only into the embedded database; on MySQL only `npm run db:seed` does it.
		if (handle.dialect === 'sqlite' && (await isDatabaseEmpty(handle.db))) {
			await seedDemo(handle.db, { today: clock.now() });
			logger.info('demo data loaded');
		}
	} catch (err) {
		console.error(`Start-up failed on DATABASE_URL=${maskUrl(url)}: ${(err as Error).message}`);
		process.exit(1);
	}
	startHousekeeping();
	process.once('sveltekit:shutdown', () => {
		stopHousekeeping();
		void closeDb();
	});
}

let timer: NodeJS.Timeout | undefined;

function startHousekeeping(): void {
	// Every 10 minutes: uploaded import files live one hour, expired sessions and old buckets go.
	timer = setInterval(() => void housekeeping(), 10 * 60_000);
	timer.unref();
}

function stopHousekeeping(): void {
	if (timer) clearInterval(timer);
}

async function housekeeping(): Promise<void> {
	try {
		const { db } = await getHandle();
		await removeExpiredSessions(db, nowDb());
		await removeStaleBuckets(db, toDbTime(new Date(clock.now().getTime() - days(1))));
		await removeStaleImportFiles();
		// SQLite plans the cross-table overview well only with fresh statistics.
		if ((await getHandle()).dialect === 'sqlite') await sql`pragma optimize`.execute(db);
	} catch (err) {
		logger.error('housekeeping failed', { error: (err as Error).message });
	}
}
