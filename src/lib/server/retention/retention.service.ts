import type { Kysely } from 'kysely';
import { addDays, subDays, subMonths } from 'date-fns';
import { brusselsDateOf } from '../../time/brussels';
import { publicOrigin } from '../config';
import { enqueueMail } from '../mail/outbox';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';
import { toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError } from '../errors';
import { claimRun, recordRunResult } from '../jobs/job-runs.repository';
import { logger } from '../log';
import { anonymiseUser } from '../users/anonymise';
import { retireOldPupilAnswers, type PupilRetentionCounts } from '../pupil-survey/answer-retirement.service';
import { pupilDataSettings } from '../pupil-survey/pupil-data-settings.service';
import { retentionPeriods } from './retention-settings.service';
import * as repo from './retention.repository';

/** What one pass removed, per kind: the job's result, its audit entry and its log line. */
export interface RetentionCounts extends PupilRetentionCounts {
	/** Owners of accounts that will be anonymised in `warningDays` unless they log in, told so by mail. */
	warningsSent: number;
	accountsAnonymised: number;
	/** Unused, but the last usable coordinator: kept so the city can still log in. */
	accountsKept: number;
	mailsDeleted: number;
	invitationsBlanked: number;
	auditEntriesRedacted: number;
	sessionsDeleted: number;
	tokensDeleted: number;
	freeTextBlanked: number;
}

export const retentionJobName = 'retention';
/** How long before anonymisation the owner is warned; an account is never anonymised sooner after its warning. */
export const warningDays = 28;
const accountBatch = 200;

/**
 * The privacy notice's retention periods, applied (GDPR art. 5(1)(e)). Accounts are
 * warned by mail `warningDays` before, then go through anonymiseUser, one transaction each, so a person's classes, orders and
 * workshops stay as counts of the campus and every report of a past edition reads
 * the same afterwards. Nothing here touches a count, a class, a slot or an edition:
 * only names, addresses, free text, mails and audit details; and raw pupil answers
 * of long-archived editions, which become counts (retireOldPupilAnswers). Idempotent.
 */
export async function applyRetention(db: Kysely<Database>, now: Date): Promise<RetentionCounts> {
	const periods = await retentionPeriods(db);
	const pupilData = await pupilDataSettings(db);
	const nowDb = toDbTime(now);
	const accountCutoff = toDbTime(subMonths(now, periods.accountMonths));
	const auditCutoffDate = subMonths(now, periods.auditMonths);
	const warnedBefore = toDbTime(subDays(now, warningDays));
	const anonymised = await anonymiseUnusedAccounts(db, accountCutoff, warnedBefore, nowDb);
	const counts: RetentionCounts = {
		warningsSent: await warnSoonUnusedAccounts(db, toDbTime(addDays(subMonths(now, periods.accountMonths), warningDays)), now),
		...anonymised,
		mailsDeleted: await repo.deleteOldMails(db, toDbTime(subDays(now, periods.outboxDays))),
		invitationsBlanked: await repo.blankOldInvitations(db, toDbTime(subDays(now, periods.outboxDays))),
		auditEntriesRedacted: await repo.redactOldAuditEntries(db, toDbTime(auditCutoffDate)),
		sessionsDeleted: await repo.deleteExpiredSessions(db, nowDb),
		tokensDeleted: await repo.deleteExpiredTokens(db, nowDb),
		freeTextBlanked: await repo.blankOldFreeText(db, toDbTime(auditCutoffDate).slice(0, 10)),
		...(await retireOldPupilAnswers(db, now, pupilData.rawAnswerDays))
	};
	// Written after the redaction above, so this entry keeps its counts for the full period.
	if (Object.values(counts).some((n) => n > 0)) {
		await withTransaction(db, (trx) =>
			audit(trx, {
				actorId: null,
				action: 'retention.applied',
				entityType: 'retention',
				entityId: nowDb.slice(0, 10),
				after: { ...counts, periods, pupilAnswerDays: pupilData.rawAnswerDays }
			})
		);
	}
	logger.info('retention applied', { ...counts });
	return counts;
}

/**
 * Mails the owners of accounts that reach the end of the period within `warningDays`
 * (once per period of disuse: a login and a new period of disuse warn again).
 * Anonymisation waits for this warning, so nobody loses an account unannounced,
 * also not on the first pass after the app is installed.
 */
async function warnSoonUnusedAccounts(db: Kysely<Database>, cutoff: string, now: Date): Promise<number> {
	let sent = 0;
	const on = brusselsDateOf(addDays(now, warningDays));
	for (;;) {
		const batch = await repo.listAccountsToWarn(db, cutoff, accountBatch);
		if (batch.length === 0) return sent;
		for (const u of batch) {
			await withTransaction(db, async (trx) => {
				await repo.markWarned(trx, u.id, toDbTime(now));
				await enqueueMail(trx, {
					recipient: u.email,
					locale: u.locale,
					mail: { template: 'retention_warning', params: { name: u.displayName, date: on, url: `${publicOrigin()}/login` } },
					dedupeKey: `retention_warning:${u.id}:${toDbTime(now)}`
				});
			});
			sent++;
		}
	}
}

async function anonymiseUnusedAccounts(db: Kysely<Database>, cutoff: string, warnedBefore: string, now: string) {
	let accountsAnonymised = 0;
	const kept = new Set<number>();
	for (;;) {
		const batch = (await repo.listUnusedAccounts(db, cutoff, warnedBefore, accountBatch + kept.size)).filter((u) => !kept.has(u.id));
		if (batch.length === 0) break;
		for (const { id } of batch) {
			try {
				await withTransaction(db, async (trx) => {
					const { changed } = await anonymiseUser(trx, id, now);
					if (changed) await audit(trx, { actorId: null, action: 'user.anonymised_unused', entityType: 'user', entityId: id });
				});
				accountsAnonymised++;
			} catch (err) {
				if (!(err instanceof ConflictError)) throw err;
				kept.add(id);
			}
		}
	}
	return { accountsAnonymised, accountsKept: kept.size };
}

/**
 * The daily pass of the job runner: runs when no process has run it in the last
 * 24 hours (claimed in the database, so one process runs it), and records its
 * counts beside the claim for the settings page.
 */
export async function applyRetentionIfDue(db: Kysely<Database>, now: Date): Promise<RetentionCounts | null> {
	if (!(await claimRun(db, retentionJobName, toDbTime(now), toDbTime(subDays(now, 1))))) return null;
	const counts = await applyRetention(db, now);
	await recordRunResult(db, retentionJobName, counts);
	return counts;
}
