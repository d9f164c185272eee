import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { confirmSchema } from '../../schemas/confirm';
import { orFail } from './form-action';
import { parseForm } from './forms';

/**
 * The server's half of DangerAction: an action that cannot be undone, posted
 * without the tick of its confirmation, is refused with a 400 whose message says
 * that nothing happened (the page shows it at the tick and at the top). Null
 * when the tick is there.
 */
export function refuseUnconfirmed(form: FormData, message?: () => string) {
	const parsed = parseForm(confirmSchema(message), form);
	if (parsed.ok) return null;
	const confirmError = parsed.errors.confirm ?? parsed.errors.form;
	return fail(400, { confirmError, message: confirmError });
}

/**
 * A form action that runs only with the tick: refuses without it (as above),
 * otherwise runs the service call as orFail does (a DomainError becomes the
 * failure in the user's language; redirect() passes through).
 */
export function confirmedAction<E extends RequestEvent, R>(message: (() => string) | undefined, run: (event: E, form: FormData) => Promise<R>) {
	return async (event: E) => {
		const form = await event.request.formData();
		const refused = refuseUnconfirmed(form, message);
		if (refused) return refused;
		return orFail(form, () => run(event, form));
	};
}
