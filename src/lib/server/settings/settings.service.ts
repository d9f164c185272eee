import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { limits } from '../../limits';
import { shortLived } from '../cache/short-lived';
import { listSettings, type SettingValues } from './settings.repository';

/**
 * The city's identity (name, logo, contacts, help links) is data in the settings
 * table, so another city runs the same app unchanged. Read on every page for the
 * header and footer, so it is cached briefly per process; a save forgets it.
 *
 * Keys: city_name and city_short_name (nl/en), help_link_1…6 (value: address,
 * nl/en: label); language-neutral values: contact_email, website_url, dpo_name,
 * dpo_email, accessibility_email, logo_sha256, logo_type, accent_color.
 */
export interface HelpLinkView {
	label: string;
	url: string | null;
}

export interface CitySettings {
	cityName: string;
	/** For narrow places (a phone's header); the full name when no short one is set. */
	shortName: string;
	/** A public, cacheable address with the logo's hash in it; null without a logo. */
	logoUrl: string | null;
	logoSha256: string | null;
	logoType: string | null;
	accentColor: string;
	contactEmail: string | null;
	website: string | null;
	dpoName: string | null;
	dpoEmail: string | null;
	accessibilityEmail: string | null;
	helpLinks: HelpLinkView[];
}

/** What a coordinator edits, in both languages. */
export interface CityIdentity {
	nameNl: string | null;
	nameEn: string | null;
	shortNameNl: string | null;
	shortNameEn: string | null;
	contactEmail: string | null;
	website: string | null;
	dpoName: string | null;
	dpoEmail: string | null;
	accessibilityEmail: string | null;
	links: { labelNl: string; labelEn: string | null; url: string | null }[];
	logoSha256: string | null;
	logoType: string | null;
}

type Row = SettingValues & { key: string; updatedBy: number | null };

const fallback = { nl: 'Stad', en: 'City' };
// Every page reads the settings; another process sees a change within ten seconds.
const cache = shortLived<'settings', Row[]>(10_000);

export const helpLinkKey = (i: number) => `help_link_${i + 1}`;
export const cityLogoUrl = (sha256: string) => `/city-logo/${sha256}`;

/** The rows last read, kept past the cache's time for the outage page (lastKnownCitySettings). */
let lastRows: Row[] = [];

const rows = (db: Db): Promise<Row[]> => cache.get('settings', () => listSettings(db).then((r) => (lastRows = r)));

export function forgetCachedSettings(): void {
	cache.forget();
	lastRows = [];
}

const blank = (s: string | null | undefined) => (s?.trim() ? s : null);

function reader(all: Row[]) {
	const byKey = new Map(all.map((r) => [r.key, r]));
	return {
		row: (key: string) => byKey.get(key),
		/** A language-neutral value. */
		plain: (key: string) => blank(byKey.get(key)?.value),
		/** The locale's text, else the Dutch one (the base locale). */
		text: (key: string, locale: Locale) => {
			const r = byKey.get(key);
			return r ? (blank(locale === 'en' ? r.valueEn : r.valueNl) ?? blank(r.valueNl) ?? blank(r.value)) : null;
		}
	};
}

export async function citySettings(db: Db, locale: Locale): Promise<CitySettings> {
	return settingsOf(await rows(db), locale);
}

/**
 * The settings last read, without asking the database: for the error page while the
 * database is unreachable, which would otherwise wait out a second time limit.
 */
export function lastKnownCitySettings(locale: Locale): CitySettings {
	return settingsOf(lastRows, locale);
}

function settingsOf(all: Row[], locale: Locale): CitySettings {
	const s = reader(all);
	const cityName = s.text('city_name', locale) ?? fallback[locale];
	const logoSha256 = s.plain('logo_sha256');
	const helpLinks: HelpLinkView[] = [];
	for (let i = 0; i < limits.helpLinks; i++) {
		const label = s.text(helpLinkKey(i), locale);
		if (label) helpLinks.push({ label, url: s.row(helpLinkKey(i))?.value ?? null });
	}
	return {
		cityName,
		shortName: s.text('city_short_name', locale) ?? cityName,
		logoUrl: logoSha256 ? cityLogoUrl(logoSha256) : null,
		logoSha256,
		logoType: s.plain('logo_type'),
		accentColor: s.plain('accent_color') ?? '#6b2d8f',
		contactEmail: s.plain('contact_email'),
		website: s.plain('website_url'),
		dpoName: s.plain('dpo_name'),
		dpoEmail: s.plain('dpo_email'),
		accessibilityEmail: s.plain('accessibility_email'),
		helpLinks
	};
}

export async function cityName(db: Db, locale: Locale): Promise<string> {
	return (await citySettings(db, locale)).cityName;
}

/** The stored identity in both languages, read afresh (not from the cache): for the form and the audit log. */
export async function cityIdentity(db: Db): Promise<CityIdentity> {
	const s = reader(await listSettings(db));
	const links: CityIdentity['links'] = [];
	for (let i = 0; i < limits.helpLinks; i++) {
		const r = s.row(helpLinkKey(i));
		const labelNl = blank(r?.valueNl) ?? blank(r?.valueEn);
		if (r && labelNl) links.push({ labelNl, labelEn: blank(r.valueEn), url: blank(r.value) });
	}
	return {
		nameNl: blank(s.row('city_name')?.valueNl) ?? blank(s.row('city_name')?.value),
		nameEn: blank(s.row('city_name')?.valueEn),
		shortNameNl: blank(s.row('city_short_name')?.valueNl),
		shortNameEn: blank(s.row('city_short_name')?.valueEn),
		contactEmail: s.plain('contact_email'),
		website: s.plain('website_url'),
		dpoName: s.plain('dpo_name'),
		dpoEmail: s.plain('dpo_email'),
		accessibilityEmail: s.plain('accessibility_email'),
		links,
		logoSha256: s.plain('logo_sha256'),
		logoType: s.plain('logo_type')
	};
}

/**
 * Whether the city's identity is set: at least its name is saved (by a
 * coordinator on the settings page, or by the demo seed). For the first-run checklist.
 */
export async function citySetUp(db: Db): Promise<boolean> {
	return (await cityIdentity(db)).nameNl !== null;
}
