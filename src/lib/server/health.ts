import type { Db } from './db';
import { pingDatabase } from './db/maintenance';

/**
 * Resolves when the database answers within `limitMs`, else rejects: for the
 * load balancers' health check, which must learn quickly (sooner than the pool's
 * own limits) that this process cannot serve. The probe's query is left to
 * finish or time out in the pool.
 */
export async function probeDatabase(db: Db, limitMs: number): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const probe = pingDatabase(db);
	probe.catch(() => {});
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs);
	});
	try {
		await Promise.race([probe, late]);
	} finally {
		clearTimeout(timer);
	}
}
