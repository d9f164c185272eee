import { logger } from './log';

/**
 * Graceful shutdown (issue 13, point 11), in two steps around adapter-node's own.
 *
 * adapter-node answers SIGTERM and SIGINT by closing the listening socket and
 * idle connections, letting requests in flight finish (a streamed PDF
 * included) for at most SHUTDOWN_TIMEOUT seconds (default 30), and then emits
 * 'sveltekit:shutdown'. Between the signal and that event the process may live
 * for the whole timeout, so:
 * - at the signal: background work stops at once (no job pass or housekeeping
 *   starts in a process that is going away: another process or the next start
 *   does it);
 * - at 'sveltekit:shutdown' (no request left): wait for a pass already under
 *   way, then close the mail transport and the database pool. With nothing left
 *   holding the event loop, Node exits 0 by itself.
 */
export function onShutdown(steps: { atSignal: () => Promise<void>; whenIdle: () => Promise<void> }): void {
	let stopping: Promise<void> | null = null;
	const stopBackground = (reason: string) => {
		stopping ??= (async () => {
			logger.info('shutting down: no new connections, background jobs stopped', { reason });
			await steps.atSignal();
		})().catch((err) => logger.error('stopping background jobs failed', { error: (err as Error).message }));
		return stopping;
	};
	// Alongside adapter-node's own listeners (which do the HTTP part); once is enough.
	process.once('SIGTERM', () => void stopBackground('SIGTERM'));
	process.once('SIGINT', () => void stopBackground('SIGINT'));
	process.once('sveltekit:shutdown', (reason: string) => {
		void (async () => {
			await stopBackground(reason);
			try {
				await steps.whenIdle();
				logger.info('shutdown complete', { reason });
			} catch (err) {
				logger.error('shutdown cleanup failed', { error: (err as Error).message });
				process.exitCode = 1;
			}
			// A handle we do not know of (a stray socket) must not keep a stopped
			// server alive forever: unref'd, this fires only if something else would.
			setTimeout(() => {
				logger.warn('still running 5 s after shutdown: exiting');
				process.exit();
			}, 5_000).unref();
		})();
	});
}
