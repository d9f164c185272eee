import { expect, it } from 'vitest';
import { peekToken } from '../../src/lib/server/auth/one-time-token';
import { campaignDetail, countCampaigns, createCampaign, listCampaigns, updateCampaign } from '../../src/lib/server/campaigns/campaign.service';
import {
	countOrganisationTrainers,
	countOrganisations,
	createOrganisation,
	inviteIntoOrganisation,
	organisationDetail,
	updateOrganisation
} from '../../src/lib/server/organisations/organisation.service';
import { newEditionForm } from '../../src/lib/server/campaigns/edition-pages.service';
import { setPlanner } from '../../src/lib/server/users/planner.service';
import { campaignSchema, type CampaignInput } from '../../src/lib/schemas/campaign';
import { organisationSchema, type OrganisationInput } from '../../src/lib/schemas/organisation';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { count, outboxFor, tokenFromLink } from './support/fixtures';
import { coordinatorActor, createEdition } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.messageKey}${e.field ? '@' + e.field : ''}`
	);

const campaign = (extra: Partial<CampaignInput> = {}): CampaignInput => ({
	name: 'Regenboogweek',
	descriptionNl: 'Een week over diversiteit.',
	descriptionEn: null,
	website: 'https://www.example.org/week',
	colour: '#6b2c91',
	...extra
});

const organisation = (extra: Partial<OrganisationInput> = {}): OrganisationInput => ({
	name: 'Jongerenwerking Noord',
	contactName: 'An Claes',
	contactEmail: 'an@noord.example.org',
	phone: '09 123 45 67',
	website: 'https://noord.example.org',
	...extra
});

/** The first field error of a form as a route would parse it. */
const fieldErrorOf = (schema: typeof campaignSchema | typeof organisationSchema, raw: Record<string, string>) => {
	const r = schema.safeParse(raw);
	return r.success ? null : r.error.issues[0].path.join('.');
};

describeEachDatabase('campaigns and organisations', (dialect) => {
	const ctx = useDatabase(dialect);
	const auditOf = (action: string) => ctx.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('id').execute();

	it('creates and edits a campaign, lists its editions, and audits both changes', async () => {
		const actor = await coordinatorActor(ctx.db);
		expect(await countCampaigns(ctx.db)).toBe(0);
		const id = await createCampaign(ctx.db, actor, campaign());
		await updateCampaign(ctx.db, actor, id, campaign({ name: 'Regenboogweek Noord', colour: '#1a4d2e', website: null }));
		const detail = await campaignDetail(ctx.db, id);
		expect(detail?.campaign).toMatchObject({ name: 'Regenboogweek Noord', colour: '#1a4d2e', website: null, descriptionNl: 'Een week over diversiteit.' });
		expect(detail?.editions).toEqual([]);
		const [created] = await auditOf('campaign.created');
		const [updated] = await auditOf('campaign.updated');
		expect([created.actorUserId, created.entityId, JSON.parse(created.afterJson!).name]).toEqual([actor.id, String(id), 'Regenboogweek']);
		expect([JSON.parse(updated.beforeJson!).colour, JSON.parse(updated.afterJson!).colour]).toEqual(['#6b2c91', '#1a4d2e']);
		expect(await countCampaigns(ctx.db)).toBe(1);
	});

	it("shows a campaign's editions and counts them in the list", async () => {
		const actor = await coordinatorActor(ctx.db);
		await createEdition(ctx.db, { year: 2027 });
		const paars = (await listCampaigns(ctx.db))[0];
		expect(paars.editions).toBe(1);
		expect((await campaignDetail(ctx.db, paars.id))?.editions.map((e) => e.year)).toEqual([2027]);
		expect(await keyOf(createCampaign(ctx.db, actor, campaign({ name: ' paars ' })))).toBe('co_error_campaign_name_taken@name');
	});

	it('the new-edition form picks the only campaign, or with several the one of the last edition', async () => {
		const actor = await coordinatorActor(ctx.db);
		const first = await createCampaign(ctx.db, actor, campaign());
		expect((await newEditionForm(ctx.db)).values.campaignId).toBe(String(first));
		await createEdition(ctx.db, { year: 2027 });
		const paars = (await listCampaigns(ctx.db)).find((c) => c.name === 'PAARS')!;
		expect((await newEditionForm(ctx.db)).values.campaignId, 'the campaign of the last edition').toBe(String(paars.id));
		await ctx.db.deleteFrom('editions').execute();
		expect((await newEditionForm(ctx.db)).values.campaignId, 'no edition yet, two campaigns: the coordinator chooses').toBe('');
	});

	it('refuses a duplicate campaign name (case and spaces aside) with a field error and writes nothing', async () => {
		const actor = await coordinatorActor(ctx.db);
		const id = await createCampaign(ctx.db, actor, campaign());
		const other = await createCampaign(ctx.db, actor, campaign({ name: 'Andere campagne' }));
		expect(await keyOf(createCampaign(ctx.db, actor, campaign({ name: '  REGENBOOGWEEK ' })))).toBe('co_error_campaign_name_taken@name');
		expect(await keyOf(updateCampaign(ctx.db, actor, other, campaign({ name: 'regenboogweek' })))).toBe('co_error_campaign_name_taken@name');
		// Its own name again is no clash.
		expect(await keyOf(updateCampaign(ctx.db, actor, id, campaign({ name: 'Regenboogweek' })))).toBe('ok');
		expect(await count(ctx.db, 'campaigns')).toBe(2);
		expect((await auditOf('campaign.created')).length).toBe(2);
	});

	it('refuses a bad website or colour before anything is written', async () => {
		const base = { name: 'X', descriptionNl: '', descriptionEn: '', website: '', colour: '' };
		expect(fieldErrorOf(campaignSchema, { ...base, website: 'javascript:alert(1)' })).toBe('website');
		expect(fieldErrorOf(campaignSchema, { ...base, website: 'www.example.org' })).toBe('website');
		expect(fieldErrorOf(campaignSchema, { ...base, colour: 'purple' })).toBe('colour');
		// Too light for white text (AA needs 4.5:1).
		expect(fieldErrorOf(campaignSchema, { ...base, colour: '#ffcc00' })).toBe('colour');
		expect(campaignSchema.parse({ ...base, colour: '#6B2C91', website: 'https://example.org' })).toMatchObject({
			colour: '#6b2c91',
			website: 'https://example.org'
		});
		expect(fieldErrorOf(organisationSchema, { name: 'Org', website: 'ftp://example.org' })).toBe('website');
		expect(fieldErrorOf(organisationSchema, { name: 'Org', contactEmail: 'not an address' })).toBe('contactEmail');
		expect(await count(ctx.db, 'campaigns')).toBe(0);
		expect(await count(ctx.db, 'auditLog')).toBe(0);
	});

	it('creates and edits an organisation, refuses a duplicate name, and audits', async () => {
		const actor = await coordinatorActor(ctx.db);
		const id = await createOrganisation(ctx.db, actor, organisation());
		expect(await keyOf(createOrganisation(ctx.db, actor, organisation({ name: 'jongerenwerking  noord' })))).toBe('co_error_organisation_name_taken@name');
		await updateOrganisation(ctx.db, actor, id, organisation({ contactName: 'Bram Peeters', phone: null }));
		expect((await organisationDetail(ctx.db, id))?.organisation).toMatchObject({
			name: 'Jongerenwerking Noord',
			contactName: 'Bram Peeters',
			phone: null,
			website: 'https://noord.example.org'
		});
		const [updated] = await auditOf('organisation.updated');
		expect([JSON.parse(updated.beforeJson!).contactName, JSON.parse(updated.afterJson!).contactName]).toEqual(['An Claes', 'Bram Peeters']);
		expect((await auditOf('organisation.created')).map((e) => e.entityId)).toEqual([String(id)]);
		expect(await countOrganisations(ctx.db)).toBe(1);
	});

	it('invites a trainer and a planner into an organisation, each with a one-time link in the outbox', async () => {
		const actor = await coordinatorActor(ctx.db);
		const org = await createOrganisation(ctx.db, actor, organisation());
		expect(await countOrganisationTrainers(ctx.db)).toBe(0);
		await inviteIntoOrganisation(ctx.db, actor, org, { email: 'Robin@Example.org', displayName: 'Robin', locale: 'nl', planner: false });
		await inviteIntoOrganisation(ctx.db, actor, org, { email: 'sam@example.org', displayName: 'Sam', locale: 'en', planner: true });
		const { trainers } = (await organisationDetail(ctx.db, org))!;
		expect(trainers.map((t) => [t.displayName, t.planner, t.invited])).toEqual([
			['Robin', 0, true],
			['Sam', 1, true]
		]);
		const [mail] = await outboxFor(ctx.db, 'Robin@Example.org');
		expect(mail.template).toBe('invite');
		expect(await peekToken(ctx.db, tokenFromLink(mail.secretLink), 'invite')).toBe(trainers[0].id);
		const invited = await auditOf('user.invited');
		expect(invited.map((e) => JSON.parse(e.afterJson!))).toEqual([
			{ role: 'trainer', organisationId: org },
			{ role: 'trainer', organisationId: org, planner: 1 }
		]);
		expect(await countOrganisationTrainers(ctx.db)).toBe(2);
		// The same address again is a clear field error, not a second account.
		expect(await keyOf(inviteIntoOrganisation(ctx.db, actor, org, { email: 'robin@example.org', displayName: 'R', locale: 'nl', planner: false }))).toBe(
			'error_role_already_held@email'
		);
	});

	it("toggles a trainer's planner flag from the organisation and refuses an unknown organisation", async () => {
		const actor = await coordinatorActor(ctx.db);
		const org = await createOrganisation(ctx.db, actor, organisation());
		await inviteIntoOrganisation(ctx.db, actor, org, { email: 'robin@example.org', displayName: 'Robin', locale: 'nl', planner: false });
		const [robin] = (await organisationDetail(ctx.db, org))!.trainers;
		await setPlanner(ctx.db, actor, robin.id, true);
		expect((await organisationDetail(ctx.db, org))!.trainers[0].planner).toBe(1);
		expect(await keyOf(inviteIntoOrganisation(ctx.db, actor, org + 99, { email: 'x@example.org', displayName: 'X', locale: 'nl', planner: false }))).toBe(
			'error_not_found'
		);
		expect(await count(ctx.db, 'users')).toBe(2);
	});
});
