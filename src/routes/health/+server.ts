import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { logger } from '$lib/server/log';
import type { RequestHandler } from './$types';

/** For load balancers: 200 when the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	try {
		const db = await getDb();
		await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
		return json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		logger.error('health check failed', { error: (err as Error).message });
		return json({ status: 'error', db: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
