import { redirect } from '@sveltejs/kit';
import { normaliseCode } from '$lib/server/certificates/code';
import type { PageServerLoad } from './$types';

/** The form posts by GET (works without JS); a typed code goes to its own address. */
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code')?.trim();
	if (typed) {
		// A malformed code still goes to the result page, which answers as for an unknown one.
		const code = normaliseCode(typed) ?? typed.slice(0, 64).replace(/[^0-9A-Za-z-]/g, '');
		redirect(303, `/verify/${encodeURIComponent(code || '-')}`);
	}
	return {};
};
