import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { listSettings } from './settings.repository';

/**
 * The city's identity (name, logo, colours, reporting point, helpline) is data in
 * the settings table, so another city runs the same app unchanged. Read on every
 * page for the header and footer, so it is cached briefly per process.
 */
export interface CitySettings {
	cityName: string;
	logoUrl: string | null;
	accentColor: string;
	reportingPoint: string;
	reportingPointUrl: string | null;
	helpline: string;
	helplineUrl: string | null;
	privacyContact: string;
}

const fallback = { nl: 'Stad', en: 'City' };
const ttlMs = 10_000;
let cache: { at: number; rows: Awaited<ReturnType<typeof listSettings>> } | undefined;

async function rows(db: Db) {
	if (!cache || Date.now() - cache.at > ttlMs) cache = { at: Date.now(), rows: await listSettings(db) };
	return cache.rows;
}

export function forgetCachedSettings(): void {
	cache = undefined;
}

export async function citySettings(db: Db, locale: Locale): Promise<CitySettings> {
	const all = await rows(db);
	const get = (key: string) => {
		const row = all.find((r) => r.key === key);
		if (!row) return null;
		return (locale === 'en' ? row.valueEn : row.valueNl) ?? row.valueNl ?? row.value;
	};
	return {
		cityName: get('city_name') ?? fallback[locale],
		logoUrl: get('logo_url'),
		accentColor: get('accent_color') ?? '#6b2d8f',
		reportingPoint: get('reporting_point') ?? '',
		reportingPointUrl: get('reporting_point_url'),
		helpline: get('helpline') ?? '',
		helplineUrl: get('helpline_url'),
		privacyContact: get('privacy_contact') ?? ''
	};
}

export async function cityName(db: Db, locale: Locale): Promise<string> {
	return (await citySettings(db, locale)).cityName;
}
