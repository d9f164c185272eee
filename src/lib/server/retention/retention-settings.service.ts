import type { Kysely } from 'kysely';
import { defaultRetention, retentionBounds, type RetentionPeriods } from '../../retention-periods';
import type { RetentionSettingsInput } from '../../schemas/retention-settings';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { fromDbTime, nowDb } from '../db/time';
import { findJobRun } from '../jobs/job-runs.repository';
import { withTransaction } from '../db/transaction';
import { listSettingValues, writeSettings, type SettingValues } from '../settings/settings.repository';

/** Settings keys of the periods (language-neutral `value`, a whole number as text). */
const keys: { [K in keyof RetentionPeriods]: string } = {
	accountMonths: 'retention_account_months',
	outboxDays: 'retention_outbox_days',
	auditMonths: 'retention_audit_months'
};

/**
 * The periods in force: what a coordinator saved, else the defaults of the privacy
 * notice. Read afresh (never from the page cache): the retention job must not act
 * on a period that was changed a moment ago. A stored value outside the bounds
 * (edited by hand in the database) falls back to the default rather than deleting
 * more than the notice promises.
 */
export async function retentionPeriods(db: Db): Promise<RetentionPeriods> {
	const rows = await listSettingValues(db, Object.values(keys));
	const byKey = new Map(rows.map((r) => [r.key, r.value]));
	const read = (k: keyof RetentionPeriods) => {
		const n = Number(byKey.get(keys[k]));
		const { min, max } = retentionBounds[k];
		return Number.isInteger(n) && n >= min && n <= max ? n : defaultRetention[k];
	};
	return { accountMonths: read('accountMonths'), outboxDays: read('outboxDays'), auditMonths: read('auditMonths') };
}

export async function retentionPeriodsForEdit(db: Kysely<Database>, actor: Actor): Promise<RetentionPeriods> {
	requireCoordinator(actor);
	return retentionPeriods(db);
}

/** Saves the three periods with one audit entry (before and after). */
export async function updateRetentionPeriods(db: Kysely<Database>, actor: Actor, input: RetentionSettingsInput): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const before = await retentionPeriods(trx);
		const after: RetentionPeriods = { accountMonths: input.accountMonths, outboxDays: input.outboxDays, auditMonths: input.auditMonths };
		if (JSON.stringify(before) === JSON.stringify(after)) return;
		const rows = new Map<string, SettingValues | null>(
			(Object.keys(keys) as (keyof RetentionPeriods)[]).map((k) => [keys[k], { value: String(after[k]), valueNl: null, valueEn: null }])
		);
		await writeSettings(trx, rows, { at: nowDb(), userId: actor.id });
		await audit(trx, { actorId: actor.id, action: 'settings.retention_updated', entityType: 'settings', entityId: 'retention', before, after });
	});
}

/** The settings page's view: the periods and what the last daily pass did. */
export async function retentionOverview(db: Kysely<Database>, actor: Actor) {
	requireCoordinator(actor);
	const [periods, run] = await Promise.all([retentionPeriods(db), findJobRun(db, 'retention')]);
	const counts = run?.resultJson ? (JSON.parse(run.resultJson) as Partial<Record<string, number>>) : null;
	return { periods, lastRunAt: run ? fromDbTime(run.lastRunAt) : null, counts };
}
