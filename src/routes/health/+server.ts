import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { probeDatabase } from '$lib/server/health';
import { logger } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * For load balancers: 200 when the database answers, 503 when it does not. Within
 * DB_HEALTH_TIMEOUT_MS (1 s by default), shorter than the pool's own limits: a
 * balancer must learn quickly that this process cannot serve.
 */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		await probeDatabase(locals.db, config().DB_HEALTH_TIMEOUT_MS);
		return json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		logger.error('health check failed', { error: (err as Error).message });
		return json(
			{ status: 'error', db: 'unreachable' },
			{ status: 503, headers: { 'cache-control': 'no-store', 'retry-after': String(config().DB_RETRY_AFTER_SECONDS) } }
		);
	}
};
