import type { Db } from '../db';
import { findSetting } from '../settings/settings.repository';

/**
 * The smallest group whose pupil answers are ever shown (issue 19.3): 10 unless a
 * coordinator chose another number on the privacy settings page. Never below 5,
 * whatever is stored: a smaller group would point at pupils.
 */
export const minGroupSetting = 'pupil_min_group';
export const minGroupBounds = { min: 5, max: 50, fallback: 10 } as const;

export async function minGroupAnswers(db: Db): Promise<number> {
	const n = Number((await findSetting(db, minGroupSetting))?.value);
	return Number.isInteger(n) && n >= minGroupBounds.min && n <= minGroupBounds.max ? n : minGroupBounds.fallback;
}
