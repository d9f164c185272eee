import PDFDocument from 'pdfkit';
import type { Locale } from '../db/schema';
import { fonts } from '../pdf/fonts';
import { useFont } from '../pdf/document';
import { drawQr } from '../pdf/qr';
import { formatCode } from './code';
import { certificateSubject } from './certificate-subject';
import { formatDate, brusselsDateOf } from '../../time/brussels';
import * as m from '../../paraglide/messages';

/**
 * Participation certificates (DESIGN §5.14): a certificate's view model in,
 * one A4 landscape page per certificate out. No database, no request: the
 * caller passes the locale, the public verify address and the logo bytes.
 */
export interface CertificateFacts {
	editionName: string;
	schoolName: string | null;
	campusName: string | null;
	className: string | null;
	workshops: { date: string; organisation: string | null }[];
	/** A class that took part with the materials only, without a workshop (issue 17.5); absent on older certificates. */
	materialsOnly?: boolean;
	classesReached: number | null;
	pupilsReached: number | null;
	trainerName: string | null;
	organisationName: string | null;
	workshopsGiven: number | null;
}

export interface CertificateBranding {
	titleNl: string | null;
	titleEn: string | null;
	primaryColor: string | null;
	accentColor: string | null;
}

/** The part of CertificateView (certificate.service.ts) a page needs. */
export interface CertificateLike {
	code: string;
	kind: 'class' | 'campus' | 'trainer';
	issuedAt: Date;
	facts: CertificateFacts;
	branding: CertificateBranding;
}

export interface CertificatePage {
	certificate: CertificateLike;
	locale: Locale;
	cityName: string;
	/** verifyUrl(code): on the public origin, never the request's host. */
	verifyUrl: string;
	/** The edition's PNG/JPEG logo, or null for the default look. */
	logo: Buffer | null;
	/** A named pupil page: the first name, used for this page only. */
	pupilName?: string;
}

export const defaultPrimary = '#6b2d8f';
export const defaultAccent = '#e9b949';
const ink = '#222222';
const muted = '#555555';
const hex = /^#[0-9a-fA-F]{6}$/;
const colour = (c: string | null, fallback: string) => (c && hex.test(c) ? c : fallback);

export function certificateTitle(branding: CertificateBranding, locale: Locale): string {
	const own = locale === 'en' ? branding.titleEn : branding.titleNl;
	return own?.trim() || m.cpdf_title_default({}, { locale });
}

/**
 * An empty landscape document, tagged (a structure tree under one Document
 * element, its language, its title shown in the viewer's title bar) with the
 * metadata a screen reader and a file list show. Each page adds its own section.
 */
export function createCertificateDocument(meta: { title: string; cityName: string; locale: Locale }): PDFKit.PDFDocument {
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 36,
		autoFirstPage: false,
		tagged: true,
		pdfVersion: '1.7',
		lang: meta.locale === 'en' ? 'en' : 'nl-BE',
		displayTitle: true,
		info: { Title: meta.title, Author: meta.cityName, Subject: meta.title }
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	roots.set(doc, root);
	return doc;
}
/** Each document's Document element; pdfkit ends it (and writes the tree) when the document ends. */
const roots = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFStructureElement>();

/** Characters of `text` that DejaVu (regular or bold) cannot draw: printing them would show boxes. */
export function missingGlyphs(text: string): string[] {
	const { regular, bold } = fonts() as { regular: GlyphFont; bold: GlyphFont };
	const missing = new Set<string>();
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (!regular.hasGlyphForCodePoint(cp) || !bold.hasGlyphForCodePoint(cp)) missing.add(ch);
	}
	return [...missing];
}
type GlyphFont = { hasGlyphForCodePoint(cp: number): boolean };

/** Each logo buffer is embedded once per document, however many pages show it. */
const logoCache = new WeakMap<PDFKit.PDFDocument, Map<Buffer, unknown>>();
function logoImage(doc: PDFKit.PDFDocument, logo: Buffer): unknown {
	let perDoc = logoCache.get(doc);
	if (!perDoc) logoCache.set(doc, (perDoc = new Map()));
	let img = perDoc.get(logo);
	// @types/pdfkit lacks openImage, which pdfkit 0.20 has.
	if (!img) perDoc.set(logo, (img = (doc as unknown as { openImage(b: Buffer): unknown }).openImage(logo)));
	return img;
}

type Struct = PDFKit.PDFStructureElement;

/** Draws into a new structure element of `parent`: what a screen reader reads, in reading order. */
function tagged(doc: PDFKit.PDFDocument, parent: Struct, tag: string, draw: () => void, options: { alt?: string } = {}): void {
	parent.add(doc.struct(tag, options, draw));
}

/** The coloured bands and the double frame: decoration, which a screen reader skips. */
function frame(doc: PDFKit.PDFDocument, primary: string, accent: string): void {
	const { width: w, height: h } = doc.page;
	doc.markContent('Artifact', { type: 'Layout' });
	doc.save();
	doc.rect(0, 0, w, 10).fill(primary);
	doc.rect(0, h - 10, w, 10).fill(primary);
	doc
		.lineWidth(1.5)
		.rect(24, 24, w - 48, h - 48)
		.stroke(primary);
	doc
		.lineWidth(0.6)
		.rect(30, 30, w - 60, h - 60)
		.stroke(accent);
	doc.restore();
	doc.endMarkedContent();
}

const logoBox = { y: 50, width: 240, height: 66 };
const qrSize = 92;
const textX = 90;

/** The logo centred above the text; "Logo of {city}" is what a screen reader says. */
function logo(doc: PDFKit.PDFDocument, sect: Struct, p: CertificatePage): void {
	if (!p.logo) return;
	const image = logoImage(doc, p.logo) as Buffer;
	const x = (doc.page.width - logoBox.width) / 2;
	const alt = m.cpdf_logo_alt({ city: p.cityName }, { locale: p.locale });
	tagged(doc, sect, 'Figure', () => doc.image(image, x, logoBox.y, { fit: [logoBox.width, logoBox.height], align: 'center', valign: 'center' }), { alt });
}

/** One centred paragraph of the body, `gap` below the one before it. */
interface Line {
	text: string;
	weight: 'regular' | 'bold';
	size: number;
	color: string;
	gap: number;
	tag: 'H1' | 'H2' | 'P';
}

/**
 * Measured heights by font and text, per document: the same title, school line
 * and workshop line recur on many pages of a bulk PDF, and measuring lays the
 * text out (without pdfkit's layout cache, see render-jobs.ts). Bounded, so a
 * 100,000-page PDF does not grow it without end.
 */
const heights = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

function lineHeight(doc: PDFKit.PDFDocument, line: Line, width: number): number {
	let known = heights.get(doc);
	if (!known || known.size > 2000) heights.set(doc, (known = new Map()));
	const key = `${line.weight} ${line.size} ${line.text}`;
	let height = known.get(key);
	if (height === undefined) {
		useFont(doc, line.weight, line.size);
		known.set(key, (height = doc.heightOfString(line.text, { width, align: 'center' })));
	}
	return line.gap + height;
}

function drawLine(doc: PDFKit.PDFDocument, sect: Struct, line: Line, width: number): void {
	tagged(doc, sect, line.tag, () =>
		useFont(doc, line.weight, line.size)
			.fillColor(line.color)
			.text(line.text, textX, doc.y + line.gap, { width, align: 'center' })
	);
}

const ruleSpace = 14;

/** Title, rule and what the page certifies, centred between `top` and `bottom` so no band of the page stays empty. */
function body(doc: PDFKit.PDFDocument, sect: Struct, p: CertificatePage, colours: { primary: string; accent: string }, top: number, bottom: number): void {
	const s = certificateSubject(p);
	const width = doc.page.width - 2 * textX;
	const title: Line = {
		text: certificateTitle(p.certificate.branding, p.locale).toUpperCase(),
		weight: 'bold',
		size: 24,
		color: colours.primary,
		gap: 0,
		tag: 'H1'
	};
	const rest: Line[] = [
		{ text: s.heading, weight: 'bold', size: s.headingSize, color: ink, gap: 26, tag: 'H2' },
		...s.lines.map((text, i): Line => ({ text, weight: 'regular', size: 18, color: ink, gap: i === 0 ? 14 : 4, tag: 'P' })),
		...s.details.map((text, i): Line => ({ text, weight: 'regular', size: 13, color: muted, gap: i === 0 ? 22 : 4, tag: 'P' }))
	];
	const height = [title, ...rest].reduce((sum, line) => sum + lineHeight(doc, line, width), ruleSpace);
	doc.y = top + Math.max(0, (bottom - top - height) / 2);
	drawLine(doc, sect, title, width);
	const ruleY = doc.y + 10;
	doc.markContent('Artifact', { type: 'Layout' });
	doc
		.save()
		.rect(doc.page.width / 2 - 50, ruleY, 100, 3)
		.fill(colours.accent)
		.restore();
	doc.endMarkedContent();
	doc.y = ruleY + 3;
	for (const line of rest) drawLine(doc, sect, line, width);
}

/** The issuer (the city, named once on the page) and the date at the bottom left; QR code, code and verify address at the bottom right. */
function footer(doc: PDFKit.PDFDocument, sect: Struct, p: CertificatePage, primary: string): void {
	const { width: w, height: h } = doc.page;
	const o = { locale: p.locale };
	const qrX = w - 60 - qrSize;
	const qrY = h - 60 - qrSize;
	const issued = m.cpdf_issued({ date: formatDate(brusselsDateOf(p.certificate.issuedAt), p.locale) }, o);
	doc.markContent('Artifact', { type: 'Layout' });
	doc
		.save()
		.moveTo(60, h - 98)
		.lineTo(300, h - 98)
		.lineWidth(0.6)
		.stroke(muted)
		.restore();
	doc.endMarkedContent();
	tagged(doc, sect, 'P', () => {
		useFont(doc, 'bold', 13)
			.fillColor(primary)
			.text(p.cityName, 60, h - 90, { width: 280, lineBreak: false });
		useFont(doc, 'regular', 10)
			.fillColor(muted)
			.text(issued, 60, h - 72, { width: 280, lineBreak: false });
	});
	const tx = qrX - 290;
	const opts = { width: 280, align: 'right' as const };
	tagged(doc, sect, 'P', () => {
		useFont(doc, 'bold', 10)
			.fillColor(ink)
			.text(m.cpdf_verify_heading({}, o), tx, qrY + 6, opts);
		useFont(doc, 'regular', 9)
			.fillColor(muted)
			.text(`${m.cpdf_verify_code({}, o)}:`, tx, doc.y + 4, opts);
		useFont(doc, 'bold', 13)
			.fillColor(ink)
			.text(formatCode(p.certificate.code), tx, doc.y + 1, { ...opts, characterSpacing: 1 });
		useFont(doc, 'regular', 8)
			.fillColor(muted)
			.text(m.cpdf_verify_hint({}, o), tx, doc.y + 5, opts);
		useFont(doc, 'regular', 8)
			.fillColor(ink)
			.text(p.verifyUrl, tx, doc.y + 1, opts);
	});
	tagged(doc, sect, 'Figure', () => drawQr(doc, p.verifyUrl, qrX, qrY, qrSize), { alt: m.cpdf_qr_alt({ url: p.verifyUrl }, o) });
}

/** Adds one certificate page to `doc` (one from createCertificateDocument), as one tagged section: a bulk stream calls this per certificate. */
export function renderCertificatePage(doc: PDFKit.PDFDocument, p: CertificatePage): void {
	const primary = colour(p.certificate.branding.primaryColor, defaultPrimary);
	const accent = colour(p.certificate.branding.accentColor, defaultAccent);
	doc.addPage();
	const sect = doc.struct('Sect');
	roots.get(doc)!.add(sect);
	frame(doc, primary, accent);
	logo(doc, sect, p);
	body(doc, sect, p, { primary, accent }, p.logo ? logoBox.y + logoBox.height + 14 : 56, doc.page.height - 60 - qrSize - 12);
	footer(doc, sect, p, primary);
	// Ended, the section is written out and leaves memory: a bulk PDF keeps no page's tree.
	sect.end();
	doc.fillColor('#000000');
}

/** A whole (small) certificate PDF: one page per entry, ended; stream or buffer it. */
export function certificatePdf(meta: { title: string; cityName: string; locale: Locale }, pages: CertificatePage[]): PDFKit.PDFDocument {
	const doc = createCertificateDocument(meta);
	for (const p of pages) renderCertificatePage(doc, p);
	doc.end();
	return doc;
}
