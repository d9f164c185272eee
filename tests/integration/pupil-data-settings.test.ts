import { expect, it } from 'vitest';
import { render } from 'svelte/server';
import { useHandle } from '../../src/lib/server/db';
import { ForbiddenError } from '../../src/lib/server/errors';
import { pupilDataSettingsSchema } from '../../src/lib/schemas/pupil-data-settings';
import { minGroupAnswers } from '../../src/lib/server/pupil-survey/group-size';
import { pupilDataSettings, updatePupilDataSettings } from '../../src/lib/server/pupil-survey/pupil-data-settings.service';
import type { Actor } from '../../src/lib/server/auth/actor';
import { load as privacyLoad } from '../../src/routes/(public)/privacy/+page.server';
import PrivacyNl from '../../src/routes/(public)/privacy/PrivacyNl.svelte';
import PrivacyEn from '../../src/routes/(public)/privacy/PrivacyEn.svelte';
import type { NoticeRetention } from '../../src/routes/(public)/privacy/retention';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { createUser } from './support/fixtures';

/**
 * Issue 19.5's settings: how long raw pupil answers stay after the edition is
 * archived, and the smallest group the figures show; on the retention settings
 * page, audited, and stated by the privacy notice as they are in force.
 */
describeEachDatabase('the pupils’ questionnaire’s privacy settings', (dialect) => {
	const ctx = useDatabase(dialect);
	const coordinator = async (): Promise<Actor> => ({
		id: await createUser(ctx.db, { email: 'griet@stad.be', roles: ['coordinator'], name: 'Griet' }),
		displayName: 'Griet',
		roles: ['coordinator']
	});

	it('accepts whole numbers within the bounds only', () => {
		const parse = (rawAnswerDays: string, minGroup: string) => pupilDataSettingsSchema.safeParse({ rawAnswerDays, minGroup });
		expect(parse(' 0 ', '5').data).toEqual({ rawAnswerDays: 0, minGroup: 5 });
		expect(parse('365', '50').data).toEqual({ rawAnswerDays: 365, minGroup: 50 });
		for (const [days, group] of [
			['366', '10'],
			['-1', '10'],
			['30.5', '10'],
			['', '10'],
			['30', '4'],
			['30', '51'],
			['30', 'tien']
		]) {
			const r = parse(days, group);
			expect(r.success, `${days} / ${group}`).toBe(false);
			expect(r.error!.issues[0].path[0]).toBe(days === '30' ? 'minGroup' : 'rawAnswerDays');
		}
	});

	it('reads the defaults, saves both values with one audit entry, and lets only coordinators change them', async () => {
		expect(await pupilDataSettings(ctx.db)).toEqual({ rawAnswerDays: 30, minGroup: 10 });
		const actor = await coordinator();
		await updatePupilDataSettings(ctx.db, actor, { rawAnswerDays: 60, minGroup: 12 });
		expect(await pupilDataSettings(ctx.db)).toEqual({ rawAnswerDays: 60, minGroup: 12 });
		// The figures read the same key.
		expect(await minGroupAnswers(ctx.db)).toBe(12);
		// Saving the same values again writes nothing.
		await updatePupilDataSettings(ctx.db, actor, { rawAnswerDays: 60, minGroup: 12 });
		const entries = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'settings.pupil_data_updated').execute();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ actorUserId: actor.id, entityType: 'settings', entityId: 'pupil_data' });
		expect(JSON.parse(entries[0].beforeJson!)).toEqual({ rawAnswerDays: 30, minGroup: 10 });
		expect(JSON.parse(entries[0].afterJson!)).toEqual({ rawAnswerDays: 60, minGroup: 12 });

		const teacher: Actor = { id: actor.id, displayName: 'Lies', roles: ['teacher'] };
		await expect(updatePupilDataSettings(ctx.db, teacher, { rawAnswerDays: 0, minGroup: 5 })).rejects.toBeInstanceOf(ForbiddenError);
		// A value edited by hand outside the bounds falls back to the default.
		await ctx.db.updateTable('settings').set({ value: '3' }).where('key', '=', 'pupil_min_group').execute();
		await ctx.db.updateTable('settings').set({ value: '9999' }).where('key', '=', 'pupil_raw_answer_days').execute();
		expect(await pupilDataSettings(ctx.db)).toEqual({ rawAnswerDays: 30, minGroup: 10 });
	});

	it('the privacy notice describes the questionnaire with the values in force, in both languages', async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		await updatePupilDataSettings(ctx.db, await coordinator(), { rawAnswerDays: 45, minGroup: 15 });
		const { retention } = (await privacyLoad({ locals: { db: ctx.db } } as never)) as { retention: NoticeRetention };
		expect(retention).toMatchObject({ pupilAnswerDays: 45, pupilMinGroup: 15 });
		const nl = render(PrivacyNl, { props: { city: null, retention } }).body;
		const en = render(PrivacyEn, { props: { city: null, retention } }).body;
		expect(nl).toMatch(/De vragenlijst voor leerlingen/);
		expect(nl).toMatch(/data-retention="pupil-group">15 antwoorden/);
		expect(nl).toMatch(/data-retention="pupil-answers">45 dagen/);
		expect(nl).toMatch(/geen e-mail- of IP-adres, geen toestel en geen uur/);
		expect(nl).toMatch(/een dag nadat de vragenlijst sluit/);
		expect(en).toMatch(/The pupils' questionnaire/);
		expect(en).toMatch(/data-retention="pupil-group">15 answers/);
		expect(en).toMatch(/data-retention="pupil-answers">45 days/);
		expect(en).toMatch(/No\s+name, no account, no e-mail or IP address, no device and no time of day/);
		expect(en).toMatch(/sc_device/);
	});
});
