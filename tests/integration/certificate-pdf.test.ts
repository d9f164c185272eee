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
	verifyUrl: 'https://paars.example.org/verify/ABCDE-FGHJK-MNPQR',
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

/** The tags of the marked content on page 1 (text and decoration), as pdf.js reads them. */
async function markedContentTags(pdf: Buffer): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const items = (await (await doc.getPage(1)).getTextContent({ includeMarkedContent: true })).items;
	await doc.destroy();
	return items.flatMap((i) => ('type' in i && String(i.type).startsWith('beginMarkedContent') ? [String((i as { tag?: string }).tag)] : []));
}

describe('certificate PDF', () => {
	it('prints the class, school, campus, edition, workshop, code groups and verify address on one landscape page', async () => {
		const pdf = await render([page()]);
		const text = await pdfText(pdf);
		expect(text).toContain('Klas 5B');
		expect(text).toContain('van Sint-Maartenscollege – Campus Centrum nam deel aan PAARS 2027');
		expect(text).toContain('Workshop op 10 mei 2027, gegeven door Wel Jong');
		expect(text).toContain('ABCDE-FGHJK-MNPQR');
		// The address as the code is printed, dashes and all.
		expect(text).toContain('https://paars.example.org/verify/ABCDE-FGHJK-MNPQR');
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

	// A 1×1 purple PNG.
	const pngLogo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPIVp0PAAKfAVPGTwTiAAAAAElFTkSuQmCC', 'base64');

	it('is a tagged PDF: structure tree, language, marked content, title shown, headings and figures with alternative text', async () => {
		const pdf = await render([page({ logo: pngLogo }), page({ pupilName: 'Zoë' })]);
		const raw = pdf.toString('latin1');
		expect(raw).toMatch(/^%PDF-1\.7/);
		expect(raw).toContain('/StructTreeRoot');
		expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
		expect(raw).toMatch(/\/Marked true/);
		expect(raw).toMatch(/\/Lang \(nl-BE\)/);
		expect(raw).toMatch(/\/DisplayDocTitle true/);
		// One section per page, each with its heading.
		expect(raw.match(/\/S \/Sect/g)).toHaveLength(2);
		expect(raw.match(/\/S \/H1/g)).toHaveLength(2);
		// The logo and the QR code are figures a screen reader can name; the QR code's names the address it leads to.
		expect(raw).toContain('/Alt (Logo van Stad Kortrijk)');
		expect(raw.match(/\/Alt \(QR-code die naar https:\/\/paars.example.org\/verify\/ABCDE-FGHJK-MNPQR leidt\)/g)).toHaveLength(2);
		// The frame and rules are artifacts, outside the reading order.
		expect(await markedContentTags(pdf)).toContain('Artifact');
		const { n, info } = await pageCountAndInfo(pdf);
		expect(n).toBe(2);
		expect(info.Title).toBe('Certificaat PAARS 2027');
	});

	it('names the city once on a page, with and without a logo, in both languages', async () => {
		for (const [logo, locale] of [
			[null, 'nl'],
			[pngLogo, 'nl'],
			[null, 'en'],
			[pngLogo, 'en']
		] as const) {
			const text = await pdfText(await render([page({ logo, locale })], locale));
			expect(text.match(/Stad Kortrijk/g), `${locale} ${logo ? 'logo' : 'no logo'}`).toHaveLength(1);
			// The edition is named in the sentence, not again in a corner.
			expect(text.match(/PAARS 2027/g)).toHaveLength(1);
		}
	});
});
