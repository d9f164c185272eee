import { pageUser } from '$lib/server/auth/guards';
import { fromDbTime } from '$lib/server/db/time';
import { orHttpError } from '$lib/server/http/forms';
import { outboxMail } from '$lib/server/mail/outbox.service';
import * as m from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const mail = await orHttpError(async () => outboxMail(locals.db, Number(params.id), m.ntf_outbox_hidden_link()));
	return {
		mail: {
			...mail,
			createdAt: fromDbTime(mail.createdAt),
			sentAt: mail.sentAt ? fromDbTime(mail.sentAt) : null,
			nextAttemptAt: fromDbTime(mail.nextAttemptAt)
		}
	};
};
