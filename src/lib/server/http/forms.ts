import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale } from '../../paraglide/runtime';
import * as m from '../../paraglide/messages';
import { formatDate } from '../../time/brussels';
import { inFormOrder } from '../../forms/error-summary';
import { DomainError, FieldRefusals } from '../errors';

/** Fields never sent back to the browser after a failed post. */
const secretFields = new Set(['password']);

export type FieldErrors = Record<string, string>;

export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !secretFields.has(key)) values[key] = value;
	return values;
}

/**
 * Parses a posted form with its shared zod schema. Messages of our own fields are
 * Paraglide functions; zod's generic ones come from its locale, passed per parse
 * (never z.config(), which is global and would race between requests).
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, opts: { lists?: readonly string[] } = {}) {
	const raw: Record<string, unknown> = Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
	// A group of checkboxes posts one key per ticked box (or none): keys listed here
	// arrive as an array of every value, possibly empty. Other keys keep one value.
	for (const key of opts.lists ?? []) raw[key] = form.getAll(key).filter((v) => typeof v === 'string');
	const result = parseRecord(schema, raw);
	if (result.ok) return result;
	// In the form's order, so the error summary reads top to bottom like the form.
	return { ok: false as const, errors: inFormOrder(result.errors, form.keys()), values: formValues(form) };
}

/**
 * Checks plain values against a schema: the data, or a message per field (the
 * issue's path, the first message each). parseForm's core, also for a part of a
 * form such as one row of several.
 */
export function parseRecord<S extends z.ZodType>(schema: S, raw: Record<string, unknown>) {
	const localeError = getLocale() === 'en' ? z.locales.en().localeError : z.locales.nl().localeError;
	const result = schema.safeParse(raw, { error: localeError });
	if (result.success) return { ok: true as const, data: result.data as z.output<S> };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false as const, errors };
}

/** The 400 an action returns for invalid input: values kept, messages per field. */
export const invalid = (values: Record<string, string>, errors: FieldErrors) => fail(400, { values, errors, message: m.error_form() });

/**
 * Maps a DomainError to the action's failure in the user's language; anything
 * else is rethrown to handleError (logged with the request id).
 */
export function failFromError(err: unknown, form: FormData) {
	if (!(err instanceof DomainError)) throw err;
	const values = formValues(form);
	if (err instanceof FieldRefusals) {
		const errors: FieldErrors = Object.fromEntries(Object.entries(err.fields).map(([field, e]) => [field, messageOf(e)]));
		return fail(err.status, { values, errors: inFormOrder(errors, form.keys()), message: m.error_form() });
	}
	const text = messageOf(err);
	if (err.field) return fail(err.status, { values, errors: { [err.field]: text } as FieldErrors, message: text });
	return fail(err.status, { values, errors: {} as FieldErrors, message: text });
}

export function messageOf(err: DomainError): string {
	const fn = (m as unknown as Record<string, (p?: object) => string>)[err.messageKey];
	return fn ? fn(localizedParams(err.params)) : m.error_unexpected();
}

/**
 * Services speak in calendar dates ("2027-05-12"); people read "12 mei 2027" or "12 May 2027".
 * A date passed as `day` keeps its weekday ("woensdag 12 mei 2027"), for rules that depend on it.
 */
function localizedParams(params: Record<string, string | number>) {
	const locale = getLocale();
	const local = (k: string, v: string) => formatDate(v, locale, { weekday: k === 'day' });
	return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? local(k, v) : v]));
}

/**
 * For page loads: a DomainError (a class of another campus, an unknown id)
 * becomes Kit's HTTP error with the same status and a message in the user's
 * language, instead of an unexpected 500.
 */
export async function orHttpError<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
}
