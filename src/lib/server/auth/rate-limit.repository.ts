import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';

export const findBuckets = (db: Db, buckets: string[]) =>
	db.selectFrom('rateLimits').selectAll().where('bucket', 'in', buckets).execute();

export const findBucketForUpdate = (db: Db, bucket: string) =>
	db
		.selectFrom('rateLimits')
		.selectAll()
		.where('bucket', '=', bucket)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export const insertBucket = (db: Db, row: { bucket: string; hits: number; windowStartedAt: DbTime; blockedUntil: DbTime | null }) =>
	db.insertInto('rateLimits').values(row).execute();

export const updateBucket = (db: Db, bucket: string, patch: { hits: number; windowStartedAt: DbTime; blockedUntil: DbTime | null }) =>
	db.updateTable('rateLimits').set(patch).where('bucket', '=', bucket).execute();

export const removeBuckets = (db: Db, buckets: string[]) => db.deleteFrom('rateLimits').where('bucket', 'in', buckets).execute();

export const removeStaleBuckets = (db: Db, before: DbTime) =>
	db
		.deleteFrom('rateLimits')
		.where('windowStartedAt', '<', before)
		.where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', before)]))
		.execute();
