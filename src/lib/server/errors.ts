/**
 * Services throw DomainErrors carrying a message key (a Paraglide message id) and,
 * where a form field is at fault, the field's name. Routes map them to HTTP once
 * (see lib/server/http/forms.ts and http/download-response.ts) in the user's language.
 */
export class DomainError extends Error {
	constructor(
		readonly messageKey: string,
		readonly status: number,
		readonly field?: string,
		readonly params: Record<string, string | number> = {}
	) {
		super(messageKey);
		this.name = new.target.name;
	}
}

/** Input that breaks a rule (duplicate e-mail, expired link). */
export class ValidationError extends DomainError {
	constructor(messageKey: string, field?: string, params?: Record<string, string | number>) {
		super(messageKey, 400, field, params);
	}
}

/**
 * Several fields refused at once, each for its own reason (the rows of a form that
 * takes several classes): nothing was written, and every message reaches its field.
 */
export class FieldRefusals extends DomainError {
	constructor(readonly fields: Record<string, DomainError>) {
		super('error_form', 400);
	}
}

export class NotFoundError extends DomainError {
	constructor(messageKey = 'error_not_found') {
		super(messageKey, 404);
	}
}

export class ForbiddenError extends DomainError {
	constructor(messageKey = 'error_forbidden') {
		super(messageKey, 403);
	}
}

export class ConflictError extends DomainError {
	constructor(messageKey: string, field?: string) {
		super(messageKey, 409, field);
	}
}

export class RateLimitedError extends DomainError {
	/** The message gets the wait both in seconds and in (rounded up) minutes. */
	constructor(
		readonly retryAfterSeconds: number,
		messageKey = 'error_rate_limited'
	) {
		super(messageKey, 429, undefined, { seconds: retryAfterSeconds, minutes: Math.ceil(retryAfterSeconds / 60) });
	}
}

/**
 * Too busy to do it now (503), not refused: the answer says when to try again
 * (Retry-After). Kept here, not beside its one cause (workers/render-pool.ts), so
 * http/download-response.ts can answer it without importing a domain folder.
 */
export class BusyError extends DomainError {
	constructor(
		messageKey: string,
		readonly retryAfterSeconds: number
	) {
		super(messageKey, 503, undefined, { seconds: retryAfterSeconds });
	}
}

/**
 * The value, or null when what it reads is not there (a NotFoundError, such as an
 * edition that is no longer open); any other failure, a database outage
 * included, goes on to the caller instead of turning into a quietly poorer page.
 */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
	try {
		return await promise;
	} catch (err) {
		if (err instanceof NotFoundError) return null;
		throw err;
	}
}
