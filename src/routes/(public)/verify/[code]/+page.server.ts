import { error, fail } from '@sveltejs/kit';
import { verifyCertificate, verifyWaitSeconds } from '$lib/server/certificates/verify.service';
import { formatCode } from '$lib/server/certificates/code';
import { cityName } from '$lib/server/settings/settings.service';
import { getLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

type Headers = (headers: Record<string, string>) => void;
type Db = App.Locals['db'];

/** Rate limited per client address; a blocked client gets a clear 429. */
async function limited(db: Db, address: string, setHeaders: Headers): Promise<void> {
	const wait = await verifyWaitSeconds(db, address);
	if (wait === 0) return;
	setHeaders({ 'retry-after': String(wait) });
	error(429, m.cert_verify_rate_limited({ minutes: Math.ceil(wait / 60) }));
}

async function lookUp(db: Db, code: string, typedName: string | null) {
	const result = await verifyCertificate(db, code, typedName);
	return { result: result.status === 'unknown' ? result : { ...result, displayCode: formatCode(result.code) }, city: await cityName(db, getLocale()) };
}

export const load: PageServerLoad = async ({ locals, params, getClientAddress, setHeaders }) => {
	await limited(locals.db, getClientAddress(), setHeaders);
	// Nobody else should keep a copy of what a certificate says about someone.
	setHeaders({ 'cache-control': 'no-store' });
	return lookUp(locals.db, params.code, null);
};

export const actions: Actions = {
	/** "Does this name match?": the name is compared, never stored or shown back in a URL. */
	name: async ({ locals, params, request, getClientAddress, setHeaders }) => {
		await limited(locals.db, getClientAddress(), setHeaders);
		const name = String((await request.formData()).get('name') ?? '')
			.trim()
			.slice(0, 200);
		if (!name) return fail(400, { name, nameError: m.cert_verify_name_required(), nameMatches: null });
		const { result } = await lookUp(locals.db, params.code, name);
		return { name, nameError: null, nameMatches: result.status === 'unknown' ? null : result.nameMatches };
	}
};
