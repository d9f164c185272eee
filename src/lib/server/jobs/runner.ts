import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/schema';
import { clock } from '../db/time';
import { logger } from '../log';
import { deliverDueMail, type DeliveryResult } from '../mail/delivery.service';
import { applyRetentionIfDue, type RetentionCounts } from '../retention/retention.service';
import { checkClassCountersIfDue } from './counter-check-job';
import { createDueNotifications } from './notification-jobs';

export interface JobRunResult {
	notifications: Awaited<ReturnType<typeof createDueNotifications>> | null;
	delivery: DeliveryResult | null;
	/** Null when the daily retention pass was not due (another process or an earlier pass ran it today). */
	retention: RetentionCounts | null;
	/** Drifts of the enrolled counters found and repaired; null when the daily check was not due. */
	counterDrifts: number | null;
}

/**
 * One pass of the background work: first create the reminders and follow-ups
 * that are due (each once, by its dedupe key), then deliver the outbox when SMTP
 * is configured, and once a day apply the retention periods of the privacy
 * notice and check the enrolled counters. Every app process runs this on a timer, and `npm run jobs:run`
 * runs it once; both are safe side by side. A failing step is logged and does
 * not stop the other.
 */
export async function runJobsOnce(db: Kysely<Database>, transport: Transporter | null): Promise<JobRunResult> {
	const result: JobRunResult = { notifications: null, delivery: null, retention: null, counterDrifts: null };
	try {
		result.notifications = await createDueNotifications(db, clock.now());
	} catch (err) {
		logger.error('reminder job failed', { error: (err as Error).message });
	}
	if (transport) {
		try {
			result.delivery = await deliverDueMail(db, transport);
		} catch (err) {
			logger.error('mail delivery failed', { error: (err as Error).message });
		}
	}
	try {
		result.retention = await applyRetentionIfDue(db, clock.now());
	} catch (err) {
		logger.error('retention job failed', { error: (err as Error).message });
	}
	try {
		result.counterDrifts = await checkClassCountersIfDue(db, clock.now());
	} catch (err) {
		logger.error('counter check failed', { error: (err as Error).message });
	}
	return result;
}

/**
 * The in-process timer (started from the `init` hook). Runs never overlap within
 * one process; across processes the leases and dedupe keys keep them apart.
 *
 * The returned stop() is for shutdown: no pass starts after it, and its promise
 * settles once a pass already under way has finished, so the database can be
 * closed without pulling it from under a half-sent batch.
 */
export function startJobTimer(run: () => Promise<unknown>, intervalMs: number): () => Promise<void> {
	let current: Promise<void> | null = null;
	let stopped = false;
	const tick = () => {
		if (current || stopped) return;
		logger.debug('job pass started');
		current = run()
			// What the pass did, for whoever watches several processes share the work.
			.then(
				(result) => logger.debug('job pass finished', { result }),
				(err) => logger.error('job pass failed', { error: (err as Error).message })
			)
			.finally(() => {
				current = null;
			});
	};
	const first = setTimeout(tick, Math.min(intervalMs, 5_000));
	const timer = setInterval(tick, intervalMs);
	first.unref();
	timer.unref();
	return async () => {
		stopped = true;
		clearTimeout(first);
		clearInterval(timer);
		await current;
	};
}
