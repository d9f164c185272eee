import { removeStaleBuckets } from './auth/rate-limit.repository';
import { removeExpiredSessions } from './auth/session.repository';
import { config, isProduction, maskUrl } from './config';
import { runJobsOnce, startJobTimer } from './jobs/runner';
import { closeSmtpTransport, smtpTransport } from './mail/smtp-transport';
import { closeDb, getHandle } from './db';
import { pingDatabase, refreshStatistics } from './db/maintenance';
import { bundledMigrations, migrateToLatest } from './db/migrate';
import { days, nowDb, toDbTime, clock } from './db/time';
import { logger } from './log';
import { onShutdown } from './shutdown';
import { removeStaleImportFiles } from './campuses/campus-import/import-file-store';
import { isDatabaseEmpty, seedDemo } from '../../../db/seeds/demo';
import { renderPool } from './workers/render-pool';

/**
 * Runs once when the server starts (the `init` hook; never while building):
 * reach the database, migrate it, load the demo into an empty embedded database,
 * start the housekeeping timer. A failure prints one line and exits 1.
 */
export async function startServer(): Promise<void> {
	let url: string;
	try {
		url = config().DATABASE_URL;
	} catch (err) {
		// Zod names the variable and the rule, never the value (which may hold a password).
		const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
		console.error(`Invalid configuration: ${issues ? issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}`);
		process.exit(1);
	}
	if (isProduction() && !config().ORIGIN) {
		console.error(
			'ORIGIN is not set: in production it must be the public address, e.g. ORIGIN=https://campagnes.example.be (form posts are checked against it and links in mails are built from it).'
		);
		process.exit(1);
	}
	shiftClockForTests();
	let handle;
	try {
		handle = await getHandle();
		await pingDatabase(handle.db);
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
	warnWithoutSmtp();
	// Render threads start now, fonts parsed, so the first heavy download after a restart does not wait for them.
	renderPool().warm();
	startHousekeeping();
	const stopJobs = startJobTimer(async () => runJobsOnce((await getHandle()).db, smtpTransport()), config().JOBS_INTERVAL_SECONDS * 1000);
	onShutdown({
		atSignal: async () => {
			stopHousekeeping();
			await stopJobs();
		},
		whenIdle: async () => {
			closeSmtpTransport();
			await closeDb();
		}
	});
}

/**
 * End-to-end tests only (NODE_ENV=test): TEST_CLOCK_SHIFT_DAYS moves the server's
 * clock, so a test that booked a workshop can restart the server "a week later"
 * and report it given. Ignored in every other environment.
 */
function shiftClockForTests(): void {
	const shift = config().TEST_CLOCK_SHIFT_DAYS;
	if (config().NODE_ENV !== 'test' || shift === 0) return;
	clock.set(() => new Date(Date.now() + days(shift)));
	logger.warn('test clock shifted', { days: shift });
}

/** In production, mail that never leaves the outbox is a fault someone must see at once. */
function warnWithoutSmtp(): void {
	if (config().SMTP_URL) return;
	if (isProduction()) {
		console.warn('WARNING: SMTP_URL is not set. No mail will be sent: confirmations, reminders and login links stay in the outbox (Coordinator → Outbox).');
		logger.warn('SMTP_URL is not set: mails stay in the outbox');
	} else {
		logger.info('SMTP_URL is not set: mails stay in the outbox, one-time links are printed here');
	}
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
		await refreshStatistics(db, (await getHandle()).dialect);
	} catch (err) {
		logger.error('housekeeping failed', { error: (err as Error).message });
	}
}
