import { pageUser } from '$lib/server/auth/guards';
import { fromDbTime } from '$lib/server/db/time';
import { outboxPage, outboxStatuses, retryAllFailedMail, retryFailedMail } from '$lib/server/mail/outbox.service';
import { pageParams } from '$lib/server/pagination';
import { config } from '$lib/server/config';
import { orFail } from '$lib/server/http/form-action';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

type OutboxStatus = (typeof outboxStatuses)[number];

const parseStatus = (value: string | null): OutboxStatus | null => ((outboxStatuses as string[]).includes(value ?? '') ? (value as OutboxStatus) : null);

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const status = parseStatus(url.searchParams.get('status'));
	const outbox = await outboxPage(locals.db, { ...pageParams(url, 50), status });
	return {
		status,
		smtpConfigured: !!config().SMTP_URL,
		outbox: {
			...outbox,
			rows: outbox.rows.map((r) => ({
				...r,
				createdAt: fromDbTime(r.createdAt),
				sentAt: r.sentAt ? fromDbTime(r.sentAt) : null,
				nextAttemptAt: fromDbTime(r.nextAttemptAt)
			}))
		}
	};
};

const idOf = (form: FormData) => {
	const id = Number(form.get('id'));
	return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export const actions: Actions = {
	retry: async ({ locals, url, request }) => {
		const user = pageUser(locals, url);
		const form = await request.formData();
		return orFail(form, async () => {
			await retryFailedMail(locals.db, user, idOf(form));
			return { notice: m.ntf_retry_done() };
		});
	},
	retryAll: async ({ locals, url, request }) => {
		const user = pageUser(locals, url);
		const form = await request.formData();
		return orFail(form, async () => {
			const n = await retryAllFailedMail(locals.db, user);
			return { notice: m.ntf_retry_all_done({ count: n }) };
		});
	}
};
