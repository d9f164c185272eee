import type { Db } from '../db';
import type { Row } from '../db/rows';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';

export const findBuckets = (db: Db, buckets: string[]) => db.selectFrom('rateLimits').selectAll().where('bucket', 'in', buckets).execute();

export const findBucketForUpdate = (db: Db, bucket: string) =>
	db
		.selectFrom('rateLimits')
		.selectAll()
		.where('bucket', '=', bucket)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** Every named bucket, locked in name order (the same order in every caller, so two lockers never deadlock). */
export const findBucketsForUpdate = (db: Db, buckets: string[]) =>
	db
		.selectFrom('rateLimits')
		.selectAll()
		.where('bucket', 'in', buckets)
		.orderBy('bucket')
		.$if(isMysql(db), (q) => q.forUpdate())
		.execute();

/**
 * Creates an empty bucket unless it exists, on its own (outside any transaction):
 * InnoDB's FOR UPDATE on a missing row takes a gap lock, and two such lockers that
 * then insert deadlock. Locking a row that exists takes a plain row lock.
 */
export const insertBucketIfMissing = (db: Db, row: Row<'rateLimits'>) =>
	isMysql(db)
		? db.insertInto('rateLimits').ignore().values(row).execute()
		: db
				.insertInto('rateLimits')
				.values(row)
				.onConflict((oc) => oc.column('bucket').doNothing())
				.execute();

export const insertBucket = (db: Db, row: Row<'rateLimits'>) => db.insertInto('rateLimits').values(row).execute();

export const updateBucket = (db: Db, bucket: string, patch: Omit<Row<'rateLimits'>, 'bucket'>) =>
	db.updateTable('rateLimits').set(patch).where('bucket', '=', bucket).execute();

export const removeBuckets = (db: Db, buckets: string[]) => db.deleteFrom('rateLimits').where('bucket', 'in', buckets).execute();

export const removeStaleBuckets = (db: Db, before: DbTime) =>
	db
		.deleteFrom('rateLimits')
		.where('windowStartedAt', '<', before)
		.where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', before)]))
		.execute();
