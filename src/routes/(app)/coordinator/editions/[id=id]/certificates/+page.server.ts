import { pageUser } from '$lib/server/auth/guards';
import { listCertificates, parseCertificateStatus } from '$lib/server/certificates/certificate-list';
import { reissueCertificate, revokeCertificate } from '$lib/server/certificates/certificate.service';
import { formatCode } from '$lib/server/certificates/code';
import { failFromError, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { reissueCertificateSchema, revokeCertificateSchema } from '$lib/schemas/certificate';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const status = parseCertificateStatus(url.searchParams.get('status'));
	return { list: await orHttpError(async () => listCertificates(locals.db, user, Number(params.id), status, pageParams(url))), status };
};

export const actions: Actions = {
	revoke: async ({ locals, url, request }) => {
		const user = pageUser(locals, url);
		const form = await request.formData();
		const parsed = parseForm(revokeCertificateSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await revokeCertificate(locals.db, user, parsed.data.id, parsed.data.reason || null);
		} catch (err) {
			return failFromError(err, form);
		}
		return { notice: m.cert_list_revoked_notice() };
	},
	reissue: async ({ locals, url, request }) => {
		const user = pageUser(locals, url);
		const form = await request.formData();
		const parsed = parseForm(reissueCertificateSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			const fresh = await reissueCertificate(locals.db, user, parsed.data.id);
			return { notice: m.cert_list_reissued_notice({ code: formatCode(fresh.code) }) };
		} catch (err) {
			return failFromError(err, form);
		}
	}
};
