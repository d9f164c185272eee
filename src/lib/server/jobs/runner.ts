import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/schema';
import { clock } from '../db/time';
import { logger } from '../log';
import { deliverDueMail, type DeliveryResult } from '../mail/delivery.service';
import { createDueNotifications } from './notification-jobs';

export interface JobRunResult {
	notifications: Awaited<ReturnType<typeof createDueNotifications>> | null;
	delivery: DeliveryResult | null;
}

/**
 * One pass of the background work: first create the reminders and follow-ups
 * that are due (each once, by its dedupe key), then deliver the outbox when SMTP
 * is configured. Every app process runs this on a timer, and `npm run jobs:run`
 * runs it once; both are safe side by side. A failing step is logged and does
 * not stop the other.
 */
export async function runJobsOnce(db: Kysely<Database>, transport: Transporter | null): Promise<JobRunResult> {
	const result: JobRunResult = { notifications: null, delivery: null };
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
	return result;
}

/**
 * The in-process timer (started from the `init` hook). Runs never overlap within
 * one process; across processes the leases and dedupe keys keep them apart.
 */
export function startJobTimer(run: () => Promise<unknown>, intervalMs: number): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await run();
		} finally {
			running = false;
		}
	};
	const first = setTimeout(() => void tick(), Math.min(intervalMs, 5_000));
	const timer = setInterval(() => void tick(), intervalMs);
	first.unref();
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
