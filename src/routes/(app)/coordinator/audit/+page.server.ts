import { pageUser } from '$lib/server/auth/guards';
import { auditPage } from '$lib/server/audit/audit-view.service';
import { pageParams } from '$lib/server/pagination';
import { auditFilterQuery, parseAuditFilter } from '$lib/schemas/audit-filter';
import * as m from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const filter = parseAuditFilter(url.searchParams);
	const audit = await auditPage(locals.db, user, filter, pageParams(url, 50), m.md_hidden());
	return { filter, query: auditFilterQuery(filter), audit };
};
