import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import { fail, isActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from '../errors';
import { failFromError, invalid, parseForm } from './forms';

/** What failFromError hands the page: the posted values, a message per field, the message. */
type FailData = ReturnType<typeof failFromError> extends ActionFailure<infer D> ? D : never;

export interface OrFailOptions<X extends object> {
	/** Kept in the failure beside values and errors (e.g. which boxes were ticked). */
	extra?: X;
	/**
	 * Given (the event's setHeaders), a refusal that carries a wait (a rate limit:
	 * `retryAfterSeconds`) also answers Retry-After, so a client knows when to try again.
	 */
	retryAfter?: RequestEvent['setHeaders'];
}

/**
 * Runs the part of a form action that may meet a DomainError (the service call and
 * what follows from its answer). Such an error becomes `fail(status, { values,
 * errors, message })` exactly as failFromError builds it, in the user's language.
 * Anything else passes through untouched: Kit's redirect() and error() throws reach
 * Kit, a bug or a database outage reaches handleError (logged with the request id).
 * This is the one try/catch the form actions share, so route files hold none.
 */
export async function orFail<T, X extends object = Record<never, never>>(
	form: FormData,
	run: () => Promise<T>,
	opts: OrFailOptions<X> = {}
): Promise<T | ActionFailure<FailData & X>> {
	try {
		return await run();
	} catch (err) {
		if (opts.retryAfter && err instanceof DomainError && 'retryAfterSeconds' in err && typeof err.retryAfterSeconds === 'number') {
			opts.retryAfter({ 'retry-after': String(err.retryAfterSeconds) });
		}
		const failure = failFromError(err, form);
		return opts.extra ? fail(failure.status, { ...failure.data, ...opts.extra }) : (failure as ActionFailure<FailData & X>);
	}
}

/**
 * Whether orFail's answer is its failure; otherwise the answer narrows to what the
 * call returned (Kit's isActionFailure narrows to a failure without data, which
 * leaves a failure with data in the other branch).
 */
export const isFailure = (answer: unknown): answer is ActionFailure<FailData> => isActionFailure(answer);

export interface FormActionOptions {
	/** Checkbox groups: keys that arrive as an array of every ticked value (see parseForm). */
	lists?: readonly string[];
	/** Answer Retry-After with a rate limit's refusal (see OrFailOptions.retryAfter). */
	retryAfter?: boolean;
}

/**
 * The common form action in one line: read the posted form, check it against its
 * shared zod schema (a 400 with the values and a message per field when it does not
 * fit), then run the service call with the parsed data. What `run` returns is the
 * action's answer (data for the page), or it calls redirect() (with the notice in
 * the address, as the pages expect); a DomainError becomes the action's failure as
 * in orFail. The event reaches `run` typed by the route's own Actions type.
 */
export function formAction<S extends z.ZodType, E extends RequestEvent, R>(
	schema: S,
	run: (data: z.output<S>, event: E, form: FormData) => Promise<R>,
	opts: FormActionOptions = {}
) {
	return async (event: E) => {
		const form = await event.request.formData();
		const parsed = parseForm(schema, form, { lists: opts.lists });
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, () => run(parsed.data, event, form), { retryAfter: opts.retryAfter ? event.setHeaders : undefined });
	};
}
