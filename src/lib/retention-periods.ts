/**
 * How long personal data stay (the privacy notice shows the values in force).
 * Client-safe: the settings form and its zod schema use the same bounds.
 *
 * - accounts: an account nobody logged in to for this many months is anonymised;
 * - outbox: sent and failed mails are removed this many days after they were queued;
 * - audit: the details of audit entries (what was changed, by whom) are removed
 *   after this many months; what was done to which record, and when, stays.
 *
 * The lower bounds are not arbitrary: reminders and follow-ups are deduplicated
 * against the outbox for up to 30 days after a workshop or an edition's end, so
 * the outbox must keep mails longer than that; the workshop pages read recent
 * audit details (when a class was planned), so those stay for a year at least.
 */
export interface RetentionPeriods {
	accountMonths: number;
	outboxDays: number;
	auditMonths: number;
}

export const defaultRetention: RetentionPeriods = { accountMonths: 24, outboxDays: 90, auditMonths: 24 };

export const retentionBounds: { [K in keyof RetentionPeriods]: { min: number; max: number } } = {
	accountMonths: { min: 6, max: 120 },
	outboxDays: { min: 60, max: 3650 },
	auditMonths: { min: 12, max: 120 }
};
