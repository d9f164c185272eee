import type { Kysely } from 'kysely';
import { defaultPupilData, pupilDataBounds, type PupilDataSettings } from '../../pupil-data-settings';
import type { PupilDataSettingsInput } from '../../schemas/pupil-data-settings';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { listSettingValues, writeSettings, type SettingValues } from '../settings/settings.repository';
import { minGroupAnswers, minGroupSetting } from './group-size';

/** Settings key of the raw answers' period (language-neutral `value`, a whole number of days). */
export const rawAnswerDaysSetting = 'pupil_raw_answer_days';

/**
 * The settings in force, read afresh (the retention pass must not act on a stale
 * period). A stored value outside the bounds falls back to the default rather
 * than deleting sooner, or showing smaller groups, than the privacy notice says.
 */
export async function pupilDataSettings(db: Db): Promise<PupilDataSettings> {
	const [row] = await listSettingValues(db, [rawAnswerDaysSetting]);
	const n = Number(row?.value);
	const { min, max } = pupilDataBounds.rawAnswerDays;
	const rawAnswerDays = row && Number.isInteger(n) && n >= min && n <= max ? n : defaultPupilData.rawAnswerDays;
	return { rawAnswerDays, minGroup: await minGroupAnswers(db) };
}

/** Saves both settings with one audit entry (before and after), beside the retention periods. */
export async function updatePupilDataSettings(db: Kysely<Database>, actor: Actor, input: PupilDataSettingsInput): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const before = await pupilDataSettings(trx);
		const after: PupilDataSettings = { rawAnswerDays: input.rawAnswerDays, minGroup: input.minGroup };
		if (before.rawAnswerDays === after.rawAnswerDays && before.minGroup === after.minGroup) return;
		const value = (n: number): SettingValues => ({ value: String(n), valueNl: null, valueEn: null });
		const rows = new Map([
			[rawAnswerDaysSetting, value(after.rawAnswerDays)],
			[minGroupSetting, value(after.minGroup)]
		]);
		await writeSettings(trx, rows, { at: nowDb(), userId: actor.id });
		await audit(trx, { actorId: actor.id, action: 'settings.pupil_data_updated', entityType: 'settings', entityId: 'pupil_data', before, after });
	});
}

export async function pupilDataSettingsForEdit(db: Kysely<Database>, actor: Actor): Promise<PupilDataSettings> {
	requireCoordinator(actor);
	return pupilDataSettings(db);
}
