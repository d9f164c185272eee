import PDFDocument from 'pdfkit';
import type { Locale } from '../db/schema';
import { fonts } from '../pdf/fonts';
import { useFont } from '../pdf/document';
import { drawQr } from '../pdf/qr';
import { formatCode } from './code';
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

/** An empty landscape document with the metadata a screen reader and a file list show. */
export function createCertificateDocument(meta: { title: string; cityName: string; locale: Locale }): PDFKit.PDFDocument {
	return new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 36,
		autoFirstPage: false,
		lang: meta.locale === 'en' ? 'en' : 'nl-BE',
		displayTitle: true,
		info: { Title: meta.title, Author: meta.cityName, Subject: meta.title }
	});
}

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

function frame(doc: PDFKit.PDFDocument, primary: string, accent: string): void {
	const { width: w, height: h } = doc.page;
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
}

function header(doc: PDFKit.PDFDocument, p: CertificatePage, primary: string): void {
	const w = doc.page.width;
	if (p.logo) doc.image(logoImage(doc, p.logo) as Buffer, 60, 50, { fit: [150, 56] });
	else useFont(doc, 'bold', 12).fillColor(primary).text(p.cityName, 60, 62, { width: 300, lineBreak: false });
	useFont(doc, 'regular', 11)
		.fillColor(muted)
		.text(p.certificate.facts.editionName, w - 360, 62, { width: 300, align: 'right', lineBreak: false });
}

/** Centred text at the current y; returns nothing, doc.y moves below it. */
function centred(doc: PDFKit.PDFDocument, text: string, weight: 'regular' | 'bold', size: number, color: string, gap = 0): void {
	const x = 90;
	useFont(doc, weight, size)
		.fillColor(color)
		.text(text, x, doc.y + gap, { width: doc.page.width - 2 * x, align: 'center' });
}

function workshopLines(f: CertificateFacts, locale: Locale): string[] {
	const o = { locale };
	const shown = f.workshops.slice(0, 3).map((w) => {
		const date = formatDate(w.date, locale);
		return w.organisation ? m.cpdf_workshop_by({ date, organisation: w.organisation }, o) : m.cpdf_workshop({ date }, o);
	});
	if (f.workshops.length > 3) shown.push(m.cpdf_more_workshops({ count: f.workshops.length - 3 }, o));
	return shown;
}

/** What the page certifies: a heading (class, pupil, campus or trainer) and its lines. */
function subject(p: CertificatePage): { heading: string; headingSize: number; lines: string[]; details: string[] } {
	const f = p.certificate.facts;
	const o = { locale: p.locale };
	const school = f.schoolName ?? '';
	const campus = f.campusName ?? '';
	const edition = f.editionName;
	const className = f.className ?? '';
	if (p.pupilName !== undefined) {
		return {
			heading: p.pupilName,
			headingSize: p.pupilName.length > 24 ? 30 : 44,
			lines: [m.cpdf_pupil_line({ className, school, campus }, o), m.cpdf_took_part({ edition }, o)],
			details: workshopLines(f, p.locale)
		};
	}
	switch (p.certificate.kind) {
		case 'class':
			return {
				heading: m.cpdf_class_heading({ className }, o),
				headingSize: 34,
				lines: [m.cpdf_class_line({ school, campus, edition }, o)],
				details: workshopLines(f, p.locale)
			};
		case 'campus':
			return {
				heading: campus,
				headingSize: 34,
				lines: [m.cpdf_campus_line({ school, edition }, o)],
				details: [m.cpdf_campus_reached({ classes: f.classesReached ?? 0, pupils: f.pupilsReached ?? 0 }, o)]
			};
		case 'trainer': {
			const lines = [m.cpdf_trainer_line({ edition }, o)];
			if (f.organisationName) lines.push(m.cpdf_trainer_org({ organisation: f.organisationName }, o));
			return { heading: f.trainerName ?? '', headingSize: 34, lines, details: [m.cpdf_trainer_count({ count: f.workshopsGiven ?? 0 }, o)] };
		}
	}
}

function body(doc: PDFKit.PDFDocument, p: CertificatePage, primary: string, accent: string): void {
	const s = subject(p);
	doc.y = 150;
	centred(doc, certificateTitle(p.certificate.branding, p.locale).toUpperCase(), 'bold', 22, primary);
	const ruleY = doc.y + 10;
	doc
		.save()
		.rect(doc.page.width / 2 - 45, ruleY, 90, 3)
		.fill(accent)
		.restore();
	doc.y = ruleY + 3;
	centred(doc, s.heading, 'bold', s.headingSize, ink, 34);
	for (const [i, line] of s.lines.entries()) centred(doc, line, 'regular', 17, ink, i === 0 ? 12 : 3);
	for (const [i, line] of s.details.entries()) centred(doc, line, 'regular', 13, muted, i === 0 ? 24 : 4);
}

/** Issue date and city at the bottom left; QR code, printed code and verify address at the bottom right. */
function footer(doc: PDFKit.PDFDocument, p: CertificatePage, primary: string): void {
	const { width: w, height: h } = doc.page;
	const o = { locale: p.locale };
	const qrSize = 92;
	const qrX = w - 60 - qrSize;
	const qrY = h - 60 - qrSize;
	const issued = m.cpdf_issued({ date: formatDate(brusselsDateOf(p.certificate.issuedAt), p.locale) }, o);
	useFont(doc, 'regular', 10)
		.fillColor(muted)
		.text(issued, 60, h - 86, { width: 280, lineBreak: false });
	useFont(doc, 'bold', 11)
		.fillColor(primary)
		.text(p.cityName, 60, h - 70, { width: 280, lineBreak: false });
	drawQr(doc, p.verifyUrl, qrX, qrY, qrSize);
	const tx = qrX - 290;
	const opts = { width: 280, align: 'right' as const };
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
}

/** Adds one certificate page to `doc`: a bulk stream calls this per certificate. */
export function renderCertificatePage(doc: PDFKit.PDFDocument, p: CertificatePage): void {
	const primary = colour(p.certificate.branding.primaryColor, defaultPrimary);
	const accent = colour(p.certificate.branding.accentColor, defaultAccent);
	doc.addPage();
	frame(doc, primary, accent);
	header(doc, p, primary);
	body(doc, p, primary, accent);
	footer(doc, p, primary);
	doc.fillColor('#000000');
}

/** A whole (small) certificate PDF: one page per entry, ended; stream or buffer it. */
export function certificatePdf(meta: { title: string; cityName: string; locale: Locale }, pages: CertificatePage[]): PDFKit.PDFDocument {
	const doc = createCertificateDocument(meta);
	for (const p of pages) renderCertificatePage(doc, p);
	doc.end();
	return doc;
}
