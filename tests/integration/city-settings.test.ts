import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { updateBranding } from '../../src/lib/server/certificates/branding.service';
import { classCertificateDownload } from '../../src/lib/server/certificates/certificate-download';
import { resetConfigForTests } from '../../src/lib/server/config';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { cityIdentityForEdit, updateCitySettings } from '../../src/lib/server/settings/city-settings.service';
import { citySettings, citySetUp, forgetCachedSettings } from '../../src/lib/server/settings/settings.service';
import { fileStore, useFileStore } from '../../src/lib/server/storage';
import { certificateBrandingSchema } from '../../src/lib/schemas/certificate-branding';
import { citySettingsSchema } from '../../src/lib/schemas/city-settings';
import * as helpLinksMigration from '../../db/migrations/2026-12-04T1900_move_help_links_to_list';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { pdfText } from './support/pdf-text';
import { workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

const image = (width: number, height: number, format: 'png' | 'jpeg') =>
	sharp({ create: { width, height, channels: 3, background: '#1d5c96' } })
		[format]()
		.toBuffer();

const valid = {
	nameNl: 'Stad Gent',
	nameEn: 'City of Ghent',
	shortNameNl: 'Gent',
	shortNameEn: 'Ghent',
	contactEmail: 'Gelijkekansen@Stad.Gent',
	website: 'https://stad.gent',
	dpoName: 'Sofie Vermeulen',
	dpoEmail: 'privacy@stad.gent',
	accessibilityEmail: 'toegankelijk@stad.gent',
	'links.0.labelNl': 'Meldpunt discriminatie',
	'links.0.labelEn': 'Report discrimination',
	'links.0.url': 'https://www.unia.be',
	'links.1.labelNl': '',
	'links.1.url': '',
	'links.2.labelNl': 'Praat met Lumi',
	'links.2.url': 'http://www.lumi.be'
};

const input = (fields: Record<string, string>) => {
	const r = citySettingsSchema.safeParse(fields);
	if (!r.success) throw new Error(JSON.stringify(r.error.issues));
	return r.data;
};

/** The field errors a form would show, by field name. */
const fieldErrors = (fields: Record<string, string>) => {
	const r = citySettingsSchema.safeParse(fields);
	if (r.success) return {};
	const errors: Record<string, string> = {};
	// The first message per field, as the form shows it.
	for (const i of r.error.issues) errors[i.path.join('.')] ??= i.message;
	return errors;
};

/** Width and height of each image embedded in a PDF. */
const pdfImages = (pdf: Buffer) =>
	[...pdf.toString('latin1').matchAll(/\/Subtype \/Image[^>]*?\/Width (\d+)|\/Width (\d+)[^>]*?\/Subtype \/Image/g)].map((x) => Number(x[1] ?? x[2]));

describeEachDatabase('city settings', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let dataDir: string;
	const audits = () => ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'settings.updated').orderBy('id').execute();
	const settingRows = () => ctx.db.selectFrom('settings').select(['key', 'value', 'valueNl', 'valueEn', 'updatedBy']).orderBy('key').execute();

	beforeEach(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-settings-'));
		vi.stubEnv('DATA_DIR', dataDir);
		resetConfigForTests();
		useFileStore();
		freezeClock('2027-05-20T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	afterEach(() => {
		vi.unstubAllEnvs();
		resetConfigForTests();
		useFileStore();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('saves the identity and reads it back in Dutch and English, audited with before and after', async () => {
		expect(await citySetUp(ctx.db)).toBe(false);
		expect((await citySettings(ctx.db, 'en')).cityName).toBe('City');
		await updateCitySettings(ctx.db, w.coordinator, input(valid), null);
		expect(await citySetUp(ctx.db)).toBe(true);
		const nl = await citySettings(ctx.db, 'nl');
		expect(nl).toMatchObject({
			cityName: 'Stad Gent',
			shortName: 'Gent',
			contactEmail: 'gelijkekansen@stad.gent',
			website: 'https://stad.gent',
			dpoName: 'Sofie Vermeulen',
			dpoEmail: 'privacy@stad.gent',
			accessibilityEmail: 'toegankelijk@stad.gent',
			logoUrl: null
		});
		expect(nl.helpLinks).toEqual([
			{ label: 'Meldpunt discriminatie', url: 'https://www.unia.be' },
			{ label: 'Praat met Lumi', url: 'http://www.lumi.be' }
		]);
		const en = await citySettings(ctx.db, 'en');
		expect(en).toMatchObject({ cityName: 'City of Ghent', shortName: 'Ghent' });
		// No English label: the Dutch one.
		expect(en.helpLinks.map((l) => l.label)).toEqual(['Report discrimination', 'Praat met Lumi']);
		expect((await settingRows()).every((r) => r.updatedBy === w.coordinator.id)).toBe(true);

		const [entry] = await audits();
		expect(entry.actorUserId).toBe(w.coordinator.id);
		expect(JSON.parse(entry.beforeJson!)).toMatchObject({ nameNl: null, links: [] });
		expect(JSON.parse(entry.afterJson!)).toMatchObject({
			nameNl: 'Stad Gent',
			nameEn: 'City of Ghent',
			dpoEmail: 'privacy@stad.gent',
			links: [{ labelNl: 'Meldpunt discriminatie' }, { labelNl: 'Praat met Lumi' }]
		});

		// Emptying a field removes it; the English name falls back to the Dutch one. A save that changes nothing is not logged.
		await updateCitySettings(
			ctx.db,
			w.coordinator,
			input({ ...valid, nameEn: '', shortNameNl: '', shortNameEn: '', 'links.0.labelNl': '', 'links.0.labelEn': '', 'links.0.url': '' }),
			null
		);
		expect(await citySettings(ctx.db, 'en')).toMatchObject({
			cityName: 'Stad Gent',
			shortName: 'Stad Gent',
			helpLinks: [{ label: 'Praat met Lumi', url: 'http://www.lumi.be' }]
		});
		expect((await settingRows()).map((r) => r.key)).toEqual([
			'accessibility_email',
			'city_name',
			'contact_email',
			'dpo_email',
			'dpo_name',
			'help_link_1',
			'website_url'
		]);
		await updateCitySettings(
			ctx.db,
			w.coordinator,
			input({ ...valid, nameEn: '', shortNameNl: '', shortNameEn: '', 'links.0.labelNl': '', 'links.0.labelEn': '', 'links.0.url': '' }),
			null
		);
		expect(await audits()).toHaveLength(2);
	});

	it('gives field errors for bad input, and a bad logo writes nothing', async () => {
		expect(
			fieldErrors({
				...valid,
				nameNl: '  ',
				website: 'javascript:alert(1)',
				dpoEmail: 'Sofie <privacy@stad.gent>',
				accessibilityEmail: 'geen-adres',
				shortNameNl: 'x'.repeat(41),
				'links.1.labelNl': 'Hulplijn',
				'links.2.url': 'ftp://lumi.be'
			})
		).toEqual({
			nameNl: 'Vul dit veld in.',
			website: 'Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://www.stad.be.',
			dpoEmail: 'Vul alleen het e-mailadres in, zoals naam@school.be: zonder naam, tweede adres of regeleinde.',
			accessibilityEmail: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@school.be.',
			shortNameNl: 'Gebruik hoogstens 40 tekens.',
			'links.1.url': 'Vul het webadres van deze link in.',
			'links.2.url': 'Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://www.stad.be.'
		});
		expect(fieldErrors({ ...valid, 'links.0.labelNl': '' })).toEqual({ 'links.0.labelNl': 'Vul de Nederlandse tekst van deze link in.' });

		await updateCitySettings(ctx.db, w.coordinator, input(valid), null);
		const before = await settingRows();
		const text = Buffer.from('Dit is geen afbeelding, al heet het bestand logo.png\n');
		await expect(updateCitySettings(ctx.db, w.coordinator, input({ ...valid, nameNl: 'Stad Brugge' }), text)).rejects.toMatchObject({
			messageKey: 'cs_v_logo_type',
			field: 'logo'
		});
		const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
		await expect(updateCitySettings(ctx.db, w.coordinator, input({ ...valid, nameNl: 'Stad Brugge' }), gif)).rejects.toMatchObject({
			messageKey: 'cs_v_logo_type'
		});
		const big = Buffer.concat([await image(10, 10, 'png'), Buffer.alloc(2 * 1024 * 1024)]);
		await expect(updateCitySettings(ctx.db, w.coordinator, input({ ...valid, nameNl: 'Stad Brugge' }), big)).rejects.toMatchObject({
			messageKey: 'cs_v_logo_size'
		});
		// A PNG signature followed by rubbish passes the type check but cannot be decoded.
		const broken = Buffer.concat([(await image(10, 10, 'png')).subarray(0, 40), Buffer.alloc(200, 7)]);
		await expect(updateCitySettings(ctx.db, w.coordinator, input({ ...valid, nameNl: 'Stad Brugge' }), broken)).rejects.toMatchObject({
			messageKey: 'cs_v_logo_unreadable'
		});
		await expect(updateCitySettings(ctx.db, w.centrum.teacher, input(valid), null)).rejects.toMatchObject({ status: 403 });
		await expect(cityIdentityForEdit(ctx.db, w.centrum.teacher)).rejects.toMatchObject({ status: 403 });
		expect(await settingRows()).toEqual(before);
		expect(await audits()).toHaveLength(1);
	});

	it('accepts a PNG and a JPEG, scaled to at most 512 pixels, and keeps a small one at its size', async () => {
		await updateCitySettings(ctx.db, w.coordinator, input(valid), await image(1200, 400, 'png'));
		const png = await citySettings(ctx.db, 'nl');
		expect(png.logoType).toBe('image/png');
		expect(png.logoUrl).toBe(`/city-logo/${png.logoSha256}`);
		const stored = async (sha: string) => sharp(Buffer.concat(await (await fileStore().openRead(sha)).toArray())).metadata();
		expect(await stored(png.logoSha256!)).toMatchObject({ format: 'png', width: 512, height: 171 });
		const entry = (await audits()).at(-1)!;
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ logoSha256: png.logoSha256, logoType: 'image/png' });

		await updateCitySettings(ctx.db, w.coordinator, input(valid), await image(300, 200, 'jpeg'));
		const jpeg = await citySettings(ctx.db, 'nl');
		expect(jpeg.logoType).toBe('image/jpeg');
		expect(await stored(jpeg.logoSha256!)).toMatchObject({ format: 'jpeg', width: 300, height: 200 });
		const audit = await audits();
		expect(JSON.parse(audit.at(-1)!.beforeJson!)).toMatchObject({ logoSha256: png.logoSha256 });

		// Saving without a file keeps the logo; "remove" drops it.
		await updateCitySettings(ctx.db, w.coordinator, input({ ...valid, nameNl: 'Stad Gent (nieuw)' }), null);
		expect((await citySettings(ctx.db, 'nl')).logoSha256).toBe(jpeg.logoSha256);
		await updateCitySettings(ctx.db, w.coordinator, input({ ...valid, removeLogo: 'on' }), null);
		expect(await citySettings(ctx.db, 'nl')).toMatchObject({ logoSha256: null, logoUrl: null });
	});

	it('prints the city name and logo on certificates, unless the edition has its own certificate logo', async () => {
		await updateCitySettings(ctx.db, w.coordinator, input(valid), await image(1200, 400, 'png'));
		const classId = w.centrum.classIds[0];
		const nl = await downloadBytes(await classCertificateDownload(ctx.db, w.coordinator, classId, 'nl'));
		if (process.env.CITY_PDF_OUT) fs.writeFileSync(`${process.env.CITY_PDF_OUT}-certificate-${dialect}.pdf`, nl);
		expect(await pdfText(nl)).toContain('Stad Gent');
		expect(pdfImages(nl)).toEqual([512]);
		const en = await downloadBytes(await classCertificateDownload(ctx.db, w.coordinator, classId, 'en'));
		expect(await pdfText(en)).toContain('City of Ghent');

		const branding = certificateBrandingSchema.parse({});
		await updateBranding(ctx.db, w.coordinator, w.editionId, branding, await image(40, 20, 'png'));
		const own = await downloadBytes(await classCertificateDownload(ctx.db, w.coordinator, classId, 'nl'));
		expect(pdfImages(own)).toEqual([40]);
	});

	it('prints the city name, logo and contacts in the council report', async () => {
		await updateCitySettings(ctx.db, w.coordinator, input(valid), await image(600, 300, 'jpeg'));
		const download = await reportDownload(ctx.db, w.coordinator, w.editionId, 'report-nl.pdf', 'nl');
		if (download.contentType !== 'application/pdf') throw new Error('expected a PDF');
		const pdf = await downloadBytes(download);
		if (process.env.CITY_PDF_OUT) fs.writeFileSync(`${process.env.CITY_PDF_OUT}-report-${dialect}.pdf`, pdf);
		const text = await pdfText(pdf);
		expect(text).toContain('Stad Gent');
		expect(text).toContain('Meldpunt discriminatie: www.unia.be');
		expect(text).toContain('gelijkekansen@stad.gent');
		expect(pdfImages(pdf)).toEqual([512]);
	});

	it("moves the first version's reporting point, helpline and privacy contact into the new keys", async () => {
		const at = { updatedAt: '2026-11-26 10:00:00.000', updatedBy: null };
		await ctx.db
			.insertInto('settings')
			.values([
				{ key: 'reporting_point', value: null, valueNl: 'Meldpunt', valueEn: 'Reporting point', ...at },
				{ key: 'reporting_point_url', value: 'https://www.unia.be', valueNl: null, valueEn: null, ...at },
				{ key: 'helpline', value: null, valueNl: 'Hulplijn', valueEn: 'Helpline', ...at },
				{ key: 'privacy_contact', value: 'Privacy@Stad.be', valueNl: null, valueEn: null, ...at }
			])
			.execute();
		await helpLinksMigration.up(ctx.db);
		forgetCachedSettings();
		expect(await citySettings(ctx.db, 'en')).toMatchObject({
			dpoEmail: 'privacy@stad.be',
			helpLinks: [
				{ label: 'Reporting point', url: 'https://www.unia.be' },
				{ label: 'Helpline', url: null }
			]
		});
		expect((await settingRows()).map((r) => r.key)).toEqual(['dpo_email', 'help_link_1', 'help_link_2']);
	});
});
