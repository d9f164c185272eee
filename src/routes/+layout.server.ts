import { citySettings, lastKnownCitySettings } from '$lib/server/settings/settings.service';
import { getLocale } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const locale = getLocale();
	return {
		locale,
		// dbDown: this is the error page of a request that met an unreachable database (db-outage.ts).
		city: locals.dbDown ? lastKnownCitySettings(locale) : await citySettings(locals.db, locale),
		user: locals.user ? { displayName: locals.user.displayName, roles: locals.user.roles } : null
	};
};
