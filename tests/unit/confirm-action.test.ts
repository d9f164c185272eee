import { isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { confirmedAction, refuseUnconfirmed } from '../../src/lib/server/http/confirm';
import { ConflictError } from '../../src/lib/server/errors';

/** The server's half of DangerAction: no tick, nothing happens. */
const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};
const eventOf = (fields: Record<string, string>) =>
	({ request: new Request('http://x/', { method: 'POST', body: formOf(fields) }) }) as unknown as RequestEvent;

describe('refuseUnconfirmed', () => {
	it('lets a ticked post through', () => {
		expect(refuseUnconfirmed(formOf({ confirm: 'yes' }))).toBeNull();
	});

	it('refuses a post without the tick, or with anything else in it, with the action’s own message', () => {
		for (const fields of [{}, { confirm: '' }, { confirm: 'no' }, { confirm: 'on' }] as Record<string, string>[]) {
			const refused = refuseUnconfirmed(formOf(fields), () => 'Not withdrawn.');
			expect(refused).toMatchObject({ status: 400, data: { confirmError: 'Not withdrawn.', message: 'Not withdrawn.' } });
		}
	});

	it('says that nothing happened when the action gives no message of its own', () => {
		const refused = refuseUnconfirmed(formOf({}));
		expect(refused?.data.confirmError).toMatch(/Er is nog niets gebeurd|Nothing has happened yet/);
	});
});

describe('confirmedAction', () => {
	it('never runs the service call without the tick', async () => {
		const run = vi.fn(async () => ({ done: true }));
		const answer = await confirmedAction(() => 'Not archived.', run)(eventOf({}));
		expect(run).not.toHaveBeenCalled();
		expect(answer).toMatchObject({ status: 400, data: { confirmError: 'Not archived.' } });
	});

	it('runs it with the tick, passes a redirect through and turns a DomainError into the failure', async () => {
		expect(await confirmedAction(undefined, async () => ({ done: true }))(eventOf({ confirm: 'yes' }))).toEqual({ done: true });
		const thrown = await confirmedAction(undefined, async () => redirect(303, '/teacher'))(eventOf({ confirm: 'yes' })).catch((e: unknown) => e);
		expect(isRedirect(thrown)).toBe(true);
		const failed = await confirmedAction(undefined, async () => Promise.reject(new ConflictError('error_form')))(eventOf({ confirm: 'yes' }));
		expect(failed).toMatchObject({ status: 409 });
	});
});
