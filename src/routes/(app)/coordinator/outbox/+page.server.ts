import { pageUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { fromDbTime } from '$lib/server/db/time';
import { outboxPage } from '$lib/server/mail/outbox.service';
import { pageParams } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const outbox = await outboxPage(await getDb(), pageParams(url, 50));
	return { outbox: { ...outbox, rows: outbox.rows.map((r) => ({ ...r, createdAt: fromDbTime(r.createdAt) })) } };
};
