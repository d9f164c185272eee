import type { Kysely } from 'kysely';
import type { CitySettingsInput } from '../../schemas/city-settings';
import { limits } from '../../limits';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { prepareCityLogo, storeCityLogo } from './city-logo';
import { writeSettings, type SettingValues } from './settings.repository';
import { cityIdentity, forgetCachedSettings, helpLinkKey, type CityIdentity } from './settings.service';

/** The form of the settings page: what is stored now, for a coordinator. */
export async function cityIdentityForEdit(db: Kysely<Database>, actor: Actor): Promise<CityIdentity> {
	requireCoordinator(actor);
	return cityIdentity(db);
}

const plain = (value: string | null): SettingValues | null => (value ? { value, valueNl: null, valueEn: null } : null);
const texts = (nl: string | null, en: string | null): SettingValues | null => (nl || en ? { value: null, valueNl: nl, valueEn: en } : null);

/** Every key of the identity with its new values (null: the key goes). */
function rowsOf(next: CityIdentity): Map<string, SettingValues | null> {
	const rows = new Map<string, SettingValues | null>([
		['city_name', texts(next.nameNl, next.nameEn)],
		['city_short_name', texts(next.shortNameNl, next.shortNameEn)],
		['contact_email', plain(next.contactEmail)],
		['website_url', plain(next.website)],
		['dpo_name', plain(next.dpoName)],
		['dpo_email', plain(next.dpoEmail)],
		['accessibility_email', plain(next.accessibilityEmail)],
		['logo_sha256', plain(next.logoSha256)],
		['logo_type', plain(next.logoType)]
	]);
	for (let i = 0; i < limits.helpLinks; i++) {
		const link = next.links[i];
		rows.set(helpLinkKey(i), link ? { value: link.url, valueNl: link.labelNl, valueEn: link.labelEn } : null);
	}
	return rows;
}

/**
 * Saves the city's identity as a whole, with one audit entry (the logo by its
 * hash). The logo is checked and scaled before anything is written; bad input
 * writes nothing. A new logo replaces the old one; `removeLogo` drops it.
 */
export async function updateCitySettings(db: Kysely<Database>, actor: Actor, input: CitySettingsInput, logo: Uint8Array | null): Promise<void> {
	requireCoordinator(actor);
	const prepared = logo ? await prepareCityLogo(logo) : null;
	// Content-addressed, so a stored file whose transaction then fails harms nothing.
	const logoSha256 = prepared ? await storeCityLogo(prepared) : null;
	await withTransaction(db, async (trx) => {
		const before = await cityIdentity(trx);
		const keepLogo = !prepared && !input.removeLogo;
		const after: CityIdentity = {
			nameNl: input.nameNl,
			nameEn: input.nameEn,
			shortNameNl: input.shortNameNl,
			shortNameEn: input.shortNameEn,
			contactEmail: input.contactEmail,
			website: input.website,
			dpoName: input.dpoName,
			dpoEmail: input.dpoEmail,
			accessibilityEmail: input.accessibilityEmail,
			links: input.links,
			logoSha256: keepLogo ? before.logoSha256 : logoSha256,
			logoType: keepLogo ? before.logoType : (prepared?.type ?? null)
		};
		if (JSON.stringify(before) === JSON.stringify(after)) return;
		await writeSettings(trx, rowsOf(after), { at: nowDb(), userId: actor.id });
		await audit(trx, { actorId: actor.id, action: 'settings.updated', entityType: 'settings', entityId: 'city', before, after });
	});
	forgetCachedSettings();
}
