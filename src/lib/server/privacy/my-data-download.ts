import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clock } from '../db/time';
import type { Download } from '../http/download';
import { brusselsDateOf } from '../../time/brussels';
import { exportMyData } from './my-data.service';

/** The signed-in person's own data as one JSON file (right of access, GDPR art. 15). */
export async function myDataDownload(db: Kysely<Database>, userId: number): Promise<Download> {
	const data = await exportMyData(db, userId);
	return {
		filename: `my-data-${brusselsDateOf(clock.now())}.json`,
		contentType: 'application/json; charset=utf-8',
		body: JSON.stringify(data, null, 2),
		cacheControl: 'no-store'
	};
}
