import { expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'svelte/server';
import { isDatabaseEmpty, seedDemo } from '../../db/seeds/demo';
import { audit } from '../../src/lib/server/audit/audit';
import { createSession } from '../../src/lib/server/auth/session';
import { useHandle } from '../../src/lib/server/db';
import { clock, nowDb, toDbTime } from '../../src/lib/server/db/time';
import { runJobsOnce } from '../../src/lib/server/jobs/runner';
import { enqueueMail } from '../../src/lib/server/mail/outbox';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { enrolmentOverview } from '../../src/lib/server/reports/enrolment-overview.service';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { applyRetention, applyRetentionIfDue } from '../../src/lib/server/retention/retention.service';
import { retentionPeriods, updateRetentionPeriods } from '../../src/lib/server/retention/retention-settings.service';
import { retentionSettingsSchema } from '../../src/lib/schemas/retention-settings';
import { parseEnrolmentFilter } from '../../src/lib/schemas/enrolment-filter';
import { useFileStore } from '../../src/lib/server/storage';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import type { Actor } from '../../src/lib/server/auth/actor';
import { load as privacyLoad } from '../../src/routes/(public)/privacy/+page.server';
import PrivacyNl from '../../src/routes/(public)/privacy/PrivacyNl.svelte';
import PrivacyEn from '../../src/routes/(public)/privacy/PrivacyEn.svelte';
import type { NoticeRetention } from '../../src/routes/(public)/privacy/retention';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { createUser } from './support/fixtures';

const day = 86_400_000;
const at = (iso: string) => clock.set(() => new Date(iso));

describeEachDatabase('retention of personal data', (dialect) => {
	const ctx = useDatabase(dialect);

	const user = (id: number) =>
		ctx.db.selectFrom('users').select(['id', 'displayName', 'email', 'passwordHash', 'anonymisedAt']).where('id', '=', id).executeTakeFirstOrThrow();
	const asCoordinator = (id: number): Actor => ({ id, displayName: 'Coördinator', roles: ['coordinator'] });
	const login = (id: number, when: string) =>
		ctx.db
			.updateTable('users')
			.set({ lastLoginAt: toDbTime(new Date(when)) })
			.where('id', '=', id)
			.execute();

	/** People created on 1 January 2024; the pass runs on 1 June 2026 (29 months later). */
	async function people() {
		at('2024-01-01T09:00:00Z');
		const idle = await createUser(ctx.db, { email: 'idle@school.be', roles: ['teacher'], name: 'Ilse Idle' });
		const recent = await createUser(ctx.db, { email: 'recent@school.be', roles: ['teacher'], name: 'Rik Recent' });
		const sessionOnly = await createUser(ctx.db, { email: 'session@school.be', roles: ['trainer'], name: 'Sam Sessie' });
		const comeback = await createUser(ctx.db, { email: 'back@school.be', roles: ['teacher'], name: 'Bart Terug' });
		const oldCoordinator = await createUser(ctx.db, { email: 'oud@stad.be', roles: ['coordinator'], name: 'Oude Coördinator' });
		const lastCoordinator = await createUser(ctx.db, { email: 'laatst@stad.be', roles: ['coordinator'], name: 'Laatste Coördinator' });
		await login(recent, '2026-03-01T08:00:00Z');
		await login(sessionOnly, '2024-02-01T08:00:00Z');
		await login(oldCoordinator, '2024-02-01T08:00:00Z');
		await login(lastCoordinator, '2024-03-01T08:00:00Z');
		at('2025-12-01T09:00:00Z');
		const newcomer = await createUser(ctx.db, { email: 'nieuw@school.be', roles: ['teacher'], name: 'Nina Nieuw' });
		// Still logged in yesterday through a session (its login itself was long ago).
		at('2026-05-31T09:00:00Z');
		await createSession(ctx.db, sessionOnly, 'Firefox op Linux');
		at('2026-06-01T03:00:00Z');
		return { idle, recent, sessionOnly, comeback, oldCoordinator, lastCoordinator, newcomer };
	}

	/** The pass a month earlier, which warns the owners of accounts that are about to reach the period. */
	async function warnAMonthBefore() {
		const now = clock.now();
		const warned = await applyRetention(ctx.db, new Date(now.getTime() - 31 * day));
		clock.set(() => now);
		return warned;
	}

	it('warns by mail four weeks before, then anonymises accounts unused for the period, but not recently active or new ones, nor the last coordinator', async () => {
		const p = await people();
		// Without a warning nobody is anonymised, however long unused.
		expect(await applyRetention(ctx.db, clock.now())).toMatchObject({ accountsAnonymised: 0 });
		await ctx.db.updateTable('users').set({ retentionWarnedAt: null }).execute();
		await ctx.db.deleteFrom('mailOutbox').execute();

		const warned = await warnAMonthBefore();
		expect(warned).toMatchObject({ warningsSent: 4, accountsAnonymised: 0 });
		const warnings = await ctx.db
			.selectFrom('mailOutbox')
			.select(['recipient', 'subject', 'bodyText'])
			.where('template', '=', 'retention_warning')
			.orderBy('recipient')
			.execute();
		expect(warnings.map((w) => w.recipient)).toEqual(['back@school.be', 'idle@school.be', 'laatst@stad.be', 'oud@stad.be']);
		expect(warnings[1].subject).toMatch(/geanonimiseerd/);
		expect(warnings[1].bodyText).toMatch(/Meld je voor die datum aan/);
		// Bart logs in after the warning: the account is in use again and stays.
		await login(p.comeback, '2026-05-20T08:00:00Z');

		const counts = await applyRetention(ctx.db, clock.now());
		expect(counts).toMatchObject({ accountsAnonymised: 2, accountsKept: 1 });
		for (const id of [p.idle, p.oldCoordinator]) {
			expect(await user(id)).toMatchObject({ displayName: 'Verwijderd account', email: `deleted-${id}@invalid`, passwordHash: null });
			expect((await user(id)).anonymisedAt).not.toBeNull();
		}
		for (const id of [p.recent, p.sessionOnly, p.comeback, p.newcomer, p.lastCoordinator]) expect((await user(id)).anonymisedAt, String(id)).toBeNull();
		expect((await user(p.lastCoordinator)).email).toBe('laatst@stad.be');
		// Each deletion is in the audit log, and so is the pass with its counts per kind.
		const entries = await ctx.db
			.selectFrom('auditLog')
			.select(['action', 'entityId', 'afterJson'])
			.where('action', 'in', ['user.anonymised_unused', 'retention.applied'])
			.orderBy('id')
			.execute();
		expect(
			entries
				.filter((e) => e.action === 'user.anonymised_unused')
				.map((e) => Number(e.entityId))
				.sort()
		).toEqual([p.idle, p.oldCoordinator].sort());
		const pass = entries.filter((e) => e.action === 'retention.applied').at(-1)!;
		expect(JSON.parse(pass.afterJson!)).toMatchObject({ accountsAnonymised: 2, accountsKept: 1 });
	});

	it('runs once a day from the job runner, records its last run, and a second pass changes nothing', async () => {
		const p = await people();
		await warnAMonthBefore();
		const first = await runJobsOnce(ctx.db, null);
		expect(first.retention).toMatchObject({ accountsAnonymised: 3 });
		const run = await ctx.db.selectFrom('jobRuns').selectAll().where('name', '=', 'retention').executeTakeFirstOrThrow();
		expect(run.lastRunAt.slice(0, 16)).toBe(nowDb().slice(0, 16));
		expect(JSON.parse(run.resultJson!)).toMatchObject({ accountsAnonymised: 3 });

		// Later the same day: not due, nothing runs.
		clock.set(() => new Date('2026-06-01T15:00:00Z'));
		expect((await runJobsOnce(ctx.db, null)).retention).toBeNull();
		// The next day it runs again, and finds nothing left to do.
		const usersBefore = await ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
		clock.set(() => new Date('2026-06-02T03:30:00Z'));
		const second = await applyRetentionIfDue(ctx.db, clock.now());
		expect(second).not.toBeNull();
		expect(Object.values(second!).filter((n, i) => Object.keys(second!)[i] !== 'accountsKept' && n !== 0)).toEqual([]);
		expect(await ctx.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(usersBefore);
		expect((await user(p.lastCoordinator)).anonymisedAt).toBeNull();
	});

	/** A mail queued at `when`, then marked with `status`. */
	async function mailAt(when: Date, recipient: string, status: 'sent' | 'failed' | 'pending', dedupeKey: string) {
		clock.set(() => when);
		const id = await enqueueMail(ctx.db, {
			recipient,
			locale: 'nl',
			mail: { template: 'data_deletion', params: { name: 'Ilse', event: 'received', url: 'https://x.example/account' } },
			dedupeKey
		});
		if (status !== 'pending')
			await ctx.db
				.updateTable('mailOutbox')
				.set({ status, sentAt: status === 'sent' ? nowDb() : null })
				.where('id', '=', id)
				.execute();
		return id;
	}

	it('prunes the outbox and audit details after their periods, and the settings change those periods', async () => {
		const now = new Date('2026-06-01T03:00:00Z');
		const coordinator = await createUser(ctx.db, { email: 'griet@stad.be', roles: ['coordinator'], name: 'Griet' });
		await ctx.db
			.updateTable('users')
			.set({ lastLoginAt: toDbTime(now) })
			.execute();
		const ago = (days: number) => new Date(now.getTime() - days * day);
		const oldSent = await mailAt(ago(100), 'a@school.be', 'sent', 'k:1');
		const oldFailed = await mailAt(ago(95), 'b@school.be', 'failed', 'k:2');
		const oldPending = await mailAt(ago(100), 'c@school.be', 'pending', 'k:3');
		const youngerSent = await mailAt(ago(80), 'd@school.be', 'sent', 'k:4');
		const oldInvitation = await mailAt(ago(100), 'campus@school.be', 'sent', 'school-invitation:7:campus:1');
		const entry = async (days: number, name: string) => {
			clock.set(() => ago(days));
			await audit(ctx.db, {
				actorId: coordinator,
				action: 'campus.updated',
				entityType: 'campus',
				entityId: 99,
				before: { contactName: name },
				after: { contactName: `${name} 2` }
			});
			return (await ctx.db.selectFrom('auditLog').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
		};
		const auditOld = await entry(760, 'Oud'); // 25 months
		const auditYounger = await entry(700, 'Jonger'); // 23 months
		clock.set(() => now);

		const counts = await applyRetention(ctx.db, now);
		expect(counts).toMatchObject({ mailsDeleted: 2, invitationsBlanked: 1, auditEntriesRedacted: 1 });
		const ids = (await ctx.db.selectFrom('mailOutbox').select('id').orderBy('id').execute()).map((r) => r.id);
		expect(ids).toEqual([oldPending, youngerSent, oldInvitation]);
		expect(ids).not.toContain(oldSent);
		expect(ids).not.toContain(oldFailed);
		// The invitation's key stays (schools are never invited twice), its content and address go.
		const invitation = await ctx.db.selectFrom('mailOutbox').selectAll().where('id', '=', oldInvitation).executeTakeFirstOrThrow();
		expect(invitation).toMatchObject({ dedupeKey: 'school-invitation:7:campus:1', subject: '', bodyText: '' });
		expect(invitation.recipient).not.toBe('campus@school.be');

		const auditRows = await ctx.db.selectFrom('auditLog').selectAll().where('id', 'in', [auditOld, auditYounger]).orderBy('id').execute();
		expect(auditRows[0]).toMatchObject({
			action: 'campus.updated',
			entityType: 'campus',
			entityId: '99',
			beforeJson: null,
			afterJson: null,
			actorUserId: null
		});
		expect(auditRows[0].createdAt.slice(0, 10)).toBe(toDbTime(ago(760)).slice(0, 10));
		expect(auditRows[1]).toMatchObject({ actorUserId: coordinator });
		expect(auditRows[1].afterJson).toContain('Jonger');

		// Shorter periods, saved by a coordinator (and audited), take effect at the next pass.
		await updateRetentionPeriods(ctx.db, asCoordinator(coordinator), { accountMonths: 24, outboxDays: 60, auditMonths: 12 });
		expect(await retentionPeriods(ctx.db)).toEqual({ accountMonths: 24, outboxDays: 60, auditMonths: 12 });
		const next = await applyRetention(ctx.db, now);
		expect(next).toMatchObject({ mailsDeleted: 1, auditEntriesRedacted: 1 });
		expect((await ctx.db.selectFrom('mailOutbox').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([oldPending, oldInvitation]);
		const younger = await ctx.db.selectFrom('auditLog').selectAll().where('id', '=', auditYounger).executeTakeFirstOrThrow();
		expect(younger).toMatchObject({ beforeJson: null, afterJson: null, actorUserId: null, action: 'campus.updated' });
		const change = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'settings.retention_updated').executeTakeFirstOrThrow();
		expect(JSON.parse(change.afterJson!)).toEqual({ accountMonths: 24, outboxDays: 60, auditMonths: 12 });
		// And a third pass finds nothing more.
		expect(await applyRetention(ctx.db, now)).toMatchObject({ mailsDeleted: 0, invitationsBlanked: 0, auditEntriesRedacted: 0, accountsAnonymised: 0 });
	});

	it('validates the periods (whole numbers within bounds) and the privacy notice states the values in force', async () => {
		const ok = retentionSettingsSchema.safeParse({ accountMonths: '36', outboxDays: ' 120 ', auditMonths: '18' });
		expect(ok.success && ok.data).toEqual({ accountMonths: 36, outboxDays: 120, auditMonths: 18 });
		const bad = retentionSettingsSchema.safeParse({ accountMonths: '2', outboxDays: '10', auditMonths: 'twee' });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['accountMonths', 'auditMonths', 'outboxDays']);
		expect(retentionSettingsSchema.safeParse({ accountMonths: '24', outboxDays: '90.5', auditMonths: '24' }).success).toBe(false);

		useHandle({ db: ctx.db, dialect, close: async () => {} });
		const defaults = (await privacyLoad({ locals: { db: ctx.db } } as never)) as { retention: NoticeRetention };
		expect(defaults.retention).toMatchObject({ accountMonths: 24, outboxDays: 90, auditMonths: 24 });
		const coordinator = await createUser(ctx.db, { email: 'griet@stad.be', roles: ['coordinator'], name: 'Griet' });
		await updateRetentionPeriods(ctx.db, asCoordinator(coordinator), { accountMonths: 36, outboxDays: 45 + 75, auditMonths: 18 });
		const saved = (await privacyLoad({ locals: { db: ctx.db } } as never)) as typeof defaults;
		const nl = render(PrivacyNl, { props: { city: null, retention: saved.retention } }).body;
		const en = render(PrivacyEn, { props: { city: null, retention: saved.retention } }).body;
		expect(nl).toMatch(/data-retention="accounts">36 maanden/);
		expect(nl).toMatch(/data-retention="outbox">120 dagen/);
		expect(nl).toMatch(/data-retention="audit">18 maanden/);
		expect(en).toMatch(/data-retention="accounts">36 months/);
		expect(en).toMatch(/data-retention="outbox">120 days/);
		expect(nl).not.toMatch(/twee jaar/);
	});

	it('keeps the figures of an archived edition: its reports read the same before and after a pass over the demo world', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-retention-'));
		useFileStore(new LocalFileStore(dir));
		try {
			expect(await isDatabaseEmpty(ctx.db)).toBe(true);
			await seedDemo(ctx.db, { today: new Date('2026-11-26T10:00:00Z') });
			const archived = await ctx.db.selectFrom('editions').select('id').where('status', '=', 'archived').executeTakeFirstOrThrow();
			const coordinatorRow = await ctx.db
				.selectFrom('users')
				.innerJoin('userRoles', 'userRoles.userId', 'users.id')
				.select('users.id')
				.where('userRoles.role', '=', 'coordinator')
				.orderBy('users.id')
				.executeTakeFirstOrThrow();
			const figures = async (actor: Actor) => {
				const report = await campaignReport(ctx.db, actor, archived.id);
				const overview = await enrolmentOverview(ctx.db, actor, archived.id, parseEnrolmentFilter(new URLSearchParams()));
				return {
					report: {
						figures: report.figures,
						previous: report.previous,
						activeCampuses: report.activeCampuses,
						campuses: report.campuses,
						levels: report.levels,
						grades: report.grades
					},
					totals: overview.totals,
					dashboard: await dashboardFigures(ctx.db)
				};
			};
			// Three years on, nobody has logged in: everyone but one coordinator is anonymised,
			// all audit details and the old edition's remarks are past their periods.
			clock.set(() => new Date('2029-12-01T03:00:00Z'));
			const before = await figures(asCoordinator(coordinatorRow.id));
			expect(before.report.figures).not.toEqual(expect.objectContaining({ classes: 0 }));
			const warned = await applyRetention(ctx.db, new Date('2029-11-01T03:00:00Z'));
			expect(warned.warningsSent).toBeGreaterThan(3);
			expect(warned.auditEntriesRedacted).toBeGreaterThan(0);
			const counts = await applyRetention(ctx.db, clock.now());
			expect(counts.accountsAnonymised).toBeGreaterThan(3);
			expect(counts.accountsKept).toBe(1);
			const detailed = await ctx.db
				.selectFrom('auditLog')
				.select('id')
				.where('createdAt', '<', '2027-11-01')
				.where((eb) => eb.or([eb('beforeJson', 'is not', null), eb('afterJson', 'is not', null)]))
				.execute();
			expect(detailed).toEqual([]);
			const kept = await ctx.db.selectFrom('users').select('id').where('anonymisedAt', 'is', null).execute();
			expect(kept).toHaveLength(1);

			const after = await figures(asCoordinator(kept[0].id));
			expect(after.report).toEqual(before.report);
			expect(after.totals).toEqual(before.totals);
			expect(after.dashboard).toEqual(before.dashboard);
			// A second pass changes nothing, figures included.
			const again = await applyRetention(ctx.db, clock.now());
			expect(again).toMatchObject({ accountsAnonymised: 0, mailsDeleted: 0, auditEntriesRedacted: 0, freeTextBlanked: 0 });
			expect((await figures(asCoordinator(kept[0].id))).report).toEqual(before.report);
		} finally {
			useFileStore();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
