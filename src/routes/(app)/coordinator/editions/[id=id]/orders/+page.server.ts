import { pageUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { orHttpError } from '$lib/server/forms';
import { editionOrdersPage, parseOrderStatus } from '$lib/server/kits/order-page.service';
import { pageParams } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const status = parseOrderStatus(url.searchParams.get('status'));
	return { list: await orHttpError(async () => editionOrdersPage(await getDb(), user, Number(params.id), status, pageParams(url))), status };
};
