import { redirect } from '@sveltejs/kit';
import { formatSurveyCode, normaliseSurveyCode } from '$lib/server/pupil-survey/survey-code';
import type { PageServerLoad } from './$types';

// No script on the pupils' pages: an old phone on a school's Wi-Fi gets HTML and CSS only.
export const csr = false;

/** Where a pupil types the code from the board (a GET form, so it works anywhere). */
export const load: PageServerLoad = async ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: null, invalid: false };
	const code = normaliseSurveyCode(typed);
	if (code) redirect(303, `/q/${formatSurveyCode(code)}`);
	return { typed, invalid: true };
};
