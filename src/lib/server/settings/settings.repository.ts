import type { Db } from '../db';
import type { DbTime } from '../db/time';

export const listSettings = (db: Db) => db.selectFrom('settings').select(['key', 'value', 'valueNl', 'valueEn']).execute();

export const findSetting = (db: Db, key: string) =>
	db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();

export const insertSetting = (
	db: Db,
	row: { key: string; value: string | null; valueNl: string | null; valueEn: string | null; updatedAt: DbTime }
) => db.insertInto('settings').values({ ...row, updatedBy: null }).execute();
