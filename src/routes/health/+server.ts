import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { logger } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * For load balancers: 200 when the database answers, 503 when it does not. Within
 * DB_HEALTH_TIMEOUT_MS (1 s by default), shorter than the pool's own limits: a
 * balancer must learn quickly that this process cannot serve. The probe's query is
 * left to finish or time out in the pool.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const limit = config().DB_HEALTH_TIMEOUT_MS;
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const probe = (async () => {
			const db = locals.db;
			await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
		})();
		probe.catch(() => {});
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
		});
		await Promise.race([probe, late]);
		return json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		logger.error('health check failed', { error: (err as Error).message });
		return json({ status: 'error', db: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': String(config().DB_RETRY_AFTER_SECONDS) } });
	} finally {
		clearTimeout(timer);
	}
};
