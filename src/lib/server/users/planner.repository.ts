import type { Db } from '../db';
import type { DbTime } from '../db/time';

export const updatePlanner = (db: Db, userId: number, planner: 0 | 1, now: DbTime) =>
	db.updateTable('users').set({ planner, updatedAt: now }).where('id', '=', userId).execute();
