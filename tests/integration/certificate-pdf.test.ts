import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { certificatePdf, missingGlyphs, type CertificateLike, type CertificatePage } from '../../src/lib/server/certificates/certificate-pdf';
import { pdfText } from './support/pdf-text';

/** Pure rendering: a certificate view built here, no database. */
const classCertificate: CertificateLike = {
	code: 'ABCDEFGHJKMNPQR',
	kind: 'class',
	issuedAt: new Date('2027-05-12T10:00:00Z'),
	facts: {
		editionName: 'PAARS 2027',
		schoolName: 'Sint-Maartenscollege',
		campusName: 'Campus Centrum',
		className: '5B',
		workshops: [{ date: '2027-05-10', organisation: 'Wel Jong' }],
		classesReached: null,
		pupilsReached: null,
		trainerName: null,
		organisationName: null,
		workshopsGiven: null
	},
	branding: { titleNl: null, titleEn: null, primaryColor: null, accentColor: null }
};

const page = (over: Partial<CertificatePage> = {}): CertificatePage => ({
	certificate: classCertificate,
	locale: 'nl',
	cityName: 'Stad Kortrijk',
	verifyUrl: 'https://paars.example.org/verify/ABCDEFGHJKMNPQR',
	logo: null,
	...over
});

const render = async (pages: CertificatePage[], locale: 'nl' | 'en' = 'nl') =>
	toBuffer(certificatePdf({ title: 'Certificaat PAARS 2027', cityName: 'Stad Kortrijk', locale }, pages));

async function pageCountAndInfo(pdf: Buffer) {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const meta = await doc.getMetadata();
	const n = doc.numPages;
	const size = (await doc.getPage(1)).view;
	await doc.destroy();
	return { n, info: meta.info as Record<string, unknown>, size };
}

describe('certificate PDF', () => {
	it('prints the class, school, campus, edition, workshop, code groups and verify address on one landscape page', async () => {
		const pdf = await render([page()]);
		const text = await pdfText(pdf);
		expect(text).toContain('Klas 5B');
		expect(text).toContain('van Sint-Maartenscollege – Campus Centrum nam deel aan PAARS 2027');
		expect(text).toContain('Workshop op 10 mei 2027, gegeven door Wel Jong');
		expect(text).toContain('ABCDE-FGHJK-MNPQR');
		expect(text).toContain('https://paars.example.org/verify/ABCDEFGHJKMNPQR');
		expect(text).toContain('Uitgereikt op 12 mei 2027');
		const { n, info, size } = await pageCountAndInfo(pdf);
		expect(n).toBe(1);
		expect(size[2]).toBeGreaterThan(size[3]);
		expect(info.Title).toBe('Certificaat PAARS 2027');
		expect(info.Author).toBe('Stad Kortrijk');
		expect(pdf.toString('latin1')).toMatch(/\/Lang \(nl-BE\)/);
	});

	it('speaks English and uses the edition branding title when asked', async () => {
		const branded = { ...classCertificate, branding: { titleNl: 'Oorkonde', titleEn: 'Rainbow award', primaryColor: '#004488', accentColor: '#ff8800' } };
		const pdf = await render([page({ certificate: branded, locale: 'en' })], 'en');
		const text = await pdfText(pdf);
		expect(text).toContain('RAINBOW AWARD');
		expect(text).toContain('Class 5B');
		expect(text).toContain('of Sint-Maartenscollege – Campus Centrum took part in PAARS 2027');
		expect(text).toContain('Workshop on 10 May 2027, given by Wel Jong');
		expect(text).toContain('Check authenticity');
		expect(pdf.toString('latin1')).toMatch(/\/Lang \(en\)/);
	});

	it('prints campus and trainer certificates with what they reached', async () => {
		const campus: CertificateLike = {
			...classCertificate,
			kind: 'campus',
			facts: { ...classCertificate.facts, className: null, classesReached: 14, pupilsReached: 312 }
		};
		const trainer: CertificateLike = {
			...classCertificate,
			kind: 'trainer',
			facts: { ...classCertificate.facts, trainerName: 'Robin Peeters', organisationName: 'Wel Jong', workshopsGiven: 9 }
		};
		const text = await pdfText(await render([page({ certificate: campus }), page({ certificate: trainer })]));
		expect(text).toContain('Klassen bereikt: 14 · Leerlingen bereikt: 312');
		expect(text).toContain('Robin Peeters');
		expect(text).toContain('namens Wel Jong');
		expect(text).toContain('Workshops gegeven: 9');
	});

	const names = ['Zoë', 'Çavaria', 'Łukasz', 'Şükrü', 'Đorđe', 'Ελένη', 'Ольга', 'Nguyễn'];

	it('prints one page per pupil, each name intact and each with the class code', async () => {
		const pdf = await render(names.map((pupilName) => page({ pupilName })));
		expect((await pageCountAndInfo(pdf)).n).toBe(names.length);
		const pages = (await pdfText(pdf)).split('\n');
		expect(pages).toHaveLength(names.length);
		for (const [i, name] of names.entries()) {
			expect(pages[i].split(' ')).toContain(name);
			expect(pages[i]).toContain('uit klas 5B van Sint-Maartenscollege – Campus Centrum');
			expect(pages[i]).toContain('ABCDE-FGHJK-MNPQR');
		}
		for (const name of names) expect(missingGlyphs(name)).toEqual([]);
	});

	it('reports the characters the font cannot draw', () => {
		expect(missingGlyphs('Li 李 Wei')).toEqual(['李']);
		expect(missingGlyphs('Zoë')).toEqual([]);
	});

	it('embeds a PNG logo once however many pages show it', async () => {
		// A 1×1 purple PNG.
		const logo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPIVp0PAAKfAVPGTwTiAAAAAElFTkSuQmCC', 'base64');
		const pdf = await render([page({ logo }), page({ logo, pupilName: 'Zoë' })]);
		expect((await pageCountAndInfo(pdf)).n).toBe(2);
		expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
		expect(await pdfText(pdf)).not.toContain('Stad Kortrijk Klas');
	});
});
