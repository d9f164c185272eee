import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { deviceCookieOptions } from '$lib/server/auth/cookies';
import { nullIfNotFound } from '$lib/server/errors';
import { formValues } from '$lib/server/http/forms';
import { isFailure, orFail } from '$lib/server/http/form-action';
import { answerQuestionnaire, questionnaireFor } from '$lib/server/pupil-survey/answer.service';
import { minGroupAnswers } from '$lib/server/pupil-survey/group-size';
import { deviceCookie, newDeviceId } from '$lib/server/pupil-survey/survey-code';
import type { Actions, PageServerLoad } from './$types';

// No script on the pupils' pages: an old phone on a school's Wi-Fi gets HTML and CSS only.
export const csr = false;

/** The phone's random id for this page (a new one on its first visit); see deviceCookieOptions. */
function deviceOf(cookies: Parameters<PageServerLoad>[0]['cookies']): { id: string; isNew: boolean } {
	const known = cookies.get(deviceCookie);
	if (known && /^[\w-]{20,64}$/.test(known)) return { id: known, isNew: false };
	const id = newDeviceId();
	cookies.set(deviceCookie, id, deviceCookieOptions());
	return { id, isNew: true };
}

export const load: PageServerLoad = async ({ params, cookies, locals, setHeaders }) => {
	// A questionnaire's state changes while the class answers: never from a cache.
	setHeaders({ 'cache-control': 'no-store' });
	const device = deviceOf(cookies);
	const [view, minGroup] = await Promise.all([nullIfNotFound(questionnaireFor(locals.db, params.code, device.id, getLocale())), minGroupAnswers(locals.db)]);
	return { view, minGroup };
};

export const actions: Actions = {
	default: async ({ request, params, cookies, locals }) => {
		const form = await request.formData();
		const device = deviceOf(cookies);
		// Without the cookie from the page, nothing would stop a second answer from this phone.
		if (device.isNew) return fail(400, { values: formValues(form), errors: {}, message: m.pq_no_cookie() });
		const result = await orFail(form, () => answerQuestionnaire(locals.db, params.code, device.id, Object.fromEntries(form)));
		if (isFailure(result)) return result;
		redirect(303, `/q/${params.code}`);
	}
};
