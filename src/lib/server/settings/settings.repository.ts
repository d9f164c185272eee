import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { DbTime } from '../db/time';

export type SettingValues = Pick<Row<'settings'>, 'value' | 'valueNl' | 'valueEn'>;

export const listSettings = (db: Db) => db.selectFrom('settings').select(['key', 'value', 'valueNl', 'valueEn', 'updatedBy']).execute();

/** The language-neutral values of some keys (a key without a row is missing). */
export const listSettingValues = (db: Db, keys: string[]) => db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();

export const findSetting = (db: Db, key: string) => db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();

export const insertSetting = (db: Db, row: Pick<Row<'settings'>, 'key' | 'value' | 'valueNl' | 'valueEn' | 'updatedAt'>) =>
	db
		.insertInto('settings')
		.values({ ...row, updatedBy: null })
		.execute();

/**
 * Writes each key's values, or removes the key when given null. Portable (no
 * upsert): the caller's transaction reads which keys exist, then updates or inserts.
 */
export async function writeSettings(db: Db, changes: Map<string, SettingValues | null>, by: { at: DbTime; userId: number }): Promise<void> {
	const keys = [...changes.keys()];
	if (keys.length === 0) return;
	const existing = new Set((await db.selectFrom('settings').select('key').where('key', 'in', keys).execute()).map((r) => r.key));
	for (const [key, values] of changes) {
		if (values === null) {
			if (existing.has(key)) await db.deleteFrom('settings').where('key', '=', key).execute();
		} else if (existing.has(key)) {
			await db
				.updateTable('settings')
				.set({ ...values, updatedAt: by.at, updatedBy: by.userId })
				.where('key', '=', key)
				.execute();
		} else {
			await db
				.insertInto('settings')
				.values({ key, ...values, updatedAt: by.at, updatedBy: by.userId })
				.execute();
		}
	}
}
