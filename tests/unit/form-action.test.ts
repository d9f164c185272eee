import { error, isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../../src/lib/server/errors';
import { failFromError, invalid, parseForm } from '../../src/lib/server/http/forms';
import { formAction, orFail } from '../../src/lib/server/http/form-action';

const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};

/** What the try/catch the routes held answered: the helper must answer the same. */
async function byHand(form: FormData, run: () => Promise<unknown>) {
	try {
		return await run();
	} catch (err) {
		return failFromError(err, form);
	}
}

describe('orFail', () => {
	it('returns what the call returns', async () => {
		expect(await orFail(formOf({}), async () => ({ saved: true }))).toEqual({ saved: true });
	});

	it('turns a DomainError into the very failure failFromError makes (status, values, field message, message)', async () => {
		const form = formOf({ name: 'Klas 5A', password: 'secret' });
		for (const err of [new ValidationError('error_form', 'name'), new ConflictError('error_form'), new NotFoundError()]) {
			const helped = await orFail(form, async () => Promise.reject(err));
			expect(helped).toEqual(await byHand(form, async () => Promise.reject(err)));
		}
	});

	it("lets Kit's redirect and error throws, and any other error, pass through", async () => {
		const thrown = async (run: () => Promise<never>) =>
			orFail(formOf({}), run).then(
				() => null,
				(e: unknown) => e
			);
		expect(isRedirect(await thrown(async () => redirect(303, '/somewhere?saved')))).toBe(true);
		expect(isHttpError(await thrown(async () => error(404, 'gone')))).toBe(true);
		const bug = new Error('bug');
		expect(await thrown(async () => Promise.reject(bug))).toBe(bug);
	});

	it('keeps extra data beside the failure', async () => {
		const form = formOf({ reason: '' });
		const err = new ValidationError('error_form', 'reason');
		const plain = (await byHand(form, async () => Promise.reject(err))) as { status: number; data: object };
		const helped = await orFail(form, async () => Promise.reject(err), { extra: { ticked: ['3', '4'] } });
		expect(helped).toMatchObject({ status: plain.status, data: { ...plain.data, ticked: ['3', '4'] } });
	});

	it('answers Retry-After for a rate limit when asked, and only then', async () => {
		const setHeaders = vi.fn();
		await orFail(formOf({}), async () => Promise.reject(new RateLimitedError(90)), { retryAfter: setHeaders });
		expect(setHeaders).toHaveBeenCalledWith({ 'retry-after': '90' });
		setHeaders.mockClear();
		await orFail(formOf({}), async () => Promise.reject(new ValidationError('error_form')), { retryAfter: setHeaders });
		expect(setHeaders).not.toHaveBeenCalled();
	});
});

describe('formAction', () => {
	const schema = z.object({ name: z.string().min(1) });
	const eventOf = (fields: Record<string, string>) => {
		const body = formOf(fields);
		return { request: new Request('http://localhost/x', { method: 'POST', body }), setHeaders: vi.fn() } as unknown as RequestEvent & {
			setHeaders: ReturnType<typeof vi.fn>;
		};
	};

	it('answers an invalid form as invalid() does, without running the call', async () => {
		const run = vi.fn();
		const answer = await formAction(schema, run)(eventOf({ name: '' }));
		const parsed = parseForm(schema, formOf({ name: '' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(answer).toEqual(invalid(parsed.values, parsed.errors));
		expect(run).not.toHaveBeenCalled();
	});

	it('runs the call with the parsed data and the event, and maps its DomainError', async () => {
		const event = eventOf({ name: 'Klas 5A' });
		expect(await formAction(schema, async (data, e) => ({ got: data.name, same: e === event }))(event)).toEqual({ got: 'Klas 5A', same: true });
		const err = new ValidationError('error_form', 'name');
		const answer = await formAction(schema, async () => Promise.reject(err), { retryAfter: true })(eventOf({ name: 'x' }));
		expect(answer).toEqual(failFromError(err, formOf({ name: 'x' })));
	});

	it('sets Retry-After through the event when asked', async () => {
		const event = eventOf({ name: 'x' });
		await formAction(schema, async () => Promise.reject(new RateLimitedError(30)), { retryAfter: true })(event);
		expect(event.setHeaders).toHaveBeenCalledWith({ 'retry-after': '30' });
	});
});
