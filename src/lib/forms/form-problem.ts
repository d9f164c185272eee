import * as m from '../paraglide/messages';

/**
 * What went wrong with a form post that the page itself cannot answer (issue 12,
 * point 2): a refused form (401/403), a body too large (413), too many attempts
 * (429), a server error (5xx) or no connection. Pure, so it is unit-tested.
 */
export type ProblemKind = 'refused' | 'tooLarge' | 'tooMany' | 'server' | 'offline' | 'unexpected';

export interface FormProblem {
	kind: ProblemKind;
	message: string;
	/** The request id to quote when asking for help (5xx only). */
	reference: string | null;
}

/** What the browser learnt about the answer: its status and two headers, or nothing (no answer at all). */
export interface AnswerFacts {
	status: number;
	retryAfter: string | null;
	requestId: string | null;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
	if (!value) return null;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function waitMessage(seconds: number | null): string {
	if (seconds === null) return m.fe_too_many();
	if (seconds < 60) return m.fe_too_many_seconds({ seconds: Math.max(1, seconds) });
	return m.fe_too_many_wait({ minutes: Math.ceil(seconds / 60) });
}

const requestIdOf = (error: unknown): string | null => {
	const id = (error as { requestId?: unknown } | null)?.requestId;
	return typeof id === 'string' && id ? id : null;
};

/**
 * The problem with an enhanced form's result, or null when the page handles the
 * result itself (success, redirect, a validation failure with its own message).
 * `answer` is null when no response arrived (fetch failed, offline).
 */
export function problemOf(result: { type?: string; status?: number; error?: unknown }, answer: AnswerFacts | null, online = true): FormProblem | null {
	if (result.type === 'success' || result.type === 'redirect' || result.type === 'failure') return null;
	const status = answer?.status ?? result.status;
	const make = (kind: ProblemKind, message: string, reference: string | null = null): FormProblem => ({ kind, message, reference });
	if (status === undefined) return online && !(result.error instanceof TypeError) ? make('unexpected', m.fe_unexpected()) : make('offline', m.fe_offline());
	if (status === 401 || status === 403) return make('refused', m.fe_refused());
	if (status === 413) return make('tooLarge', m.fe_too_large());
	if (status === 429) return make('tooMany', waitMessage(retryAfterSeconds(answer?.retryAfter ?? null)));
	if (status >= 500) return make('server', m.fe_server(), answer?.requestId ?? requestIdOf(result.error));
	// Any other refusal the server put in words (in the user's language) is shown as it is.
	const said = (result.error as { message?: unknown } | null)?.message;
	return make('unexpected', typeof said === 'string' && said && result.type === 'error' ? said : m.fe_unexpected());
}
