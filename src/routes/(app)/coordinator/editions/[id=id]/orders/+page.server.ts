import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { editionOrdersPage, parseOrderStatus } from '$lib/server/kits/order-page.service';
import { pageParams } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const status = parseOrderStatus(url.searchParams.get('status'));
	return { list: await orHttpError(async () => editionOrdersPage(locals.db, user, Number(params.id), status, pageParams(url))), status };
};
