import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { namedCertificatesDownload } from '$lib/server/certificates/certificate-download';
import { parsePupilNames } from '$lib/server/certificates/pupil-names';
import { pupilNamesErrorPage } from '$lib/server/certificates/pupil-names-page';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * Named pupil certificates: a POST so the names never reach a URL, answered with
 * the PDF (no-store, a filename without names) or the form again with what went
 * wrong. The names are used for this response only: never stored or logged.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params, request, url } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const form = await request.formData();
	const names = String(form.get('names') ?? '');
	const lang = form.get('lang') === 'en' ? 'en' : 'nl';
	const classId = Number(params.id);
	const parsed = parsePupilNames(names);
	if (!parsed.ok) {
		const back = locals.user.roles.includes('teacher') ? `/teacher/classes/${classId}` : '/';
		return pupilNamesErrorPage({ locale: getLocale(), action: url.pathname, back, names, lang, errors: parsed.errors });
	}
	return downloadResponse(event, async () => namedCertificatesDownload(locals.db, locals.user!, classId, lang, parsed.names));
};
