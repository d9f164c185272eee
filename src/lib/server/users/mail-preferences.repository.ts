import type { Db } from '../db';
import type { DbTime } from '../db/time';

export const findMailPreferences = (db: Db, userId: number) =>
	db.selectFrom('users').select(['mailReminders', 'mailFollowUps']).where('id', '=', userId).executeTakeFirst();

export const updateMailPreferences = (db: Db, userId: number, values: { mailReminders: 0 | 1; mailFollowUps: 0 | 1 }, now: DbTime) =>
	db
		.updateTable('users')
		.set({ ...values, updatedAt: now })
		.where('id', '=', userId)
		.execute();
