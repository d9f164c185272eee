import { pageUser } from '$lib/server/auth/guards';
import { listCertificates, parseCertificateStatus } from '$lib/server/certificates/certificate-list';
import { reissueCertificate, revokeCertificate } from '$lib/server/certificates/certificate.service';
import { formatCode } from '$lib/server/certificates/code';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
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
	revoke: async (event) => {
		const user = pageUser(event.locals, event.url);
		return formAction(revokeCertificateSchema, async (data) => {
			await revokeCertificate(event.locals.db, user, data.id, data.reason || null);
			return { notice: m.cert_list_revoked_notice() };
		})(event);
	},
	reissue: async (event) => {
		const user = pageUser(event.locals, event.url);
		return formAction(reissueCertificateSchema, async (data) => {
			const fresh = await reissueCertificate(event.locals.db, user, data.id);
			return { notice: m.cert_list_reissued_notice({ code: formatCode(fresh.code) }) };
		})(event);
	}
};
