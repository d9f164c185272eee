import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemOf, retryAfterSeconds } from '../../src/lib/forms/form-problem';

const answer = (status: number, headers: { retryAfter?: string; requestId?: string } = {}) => ({
	status,
	retryAfter: headers.retryAfter ?? null,
	requestId: headers.requestId ?? null
});

/** In Dutch (the base locale); the e2e spec checks English in the browser. */
describe('what an enhanced form says when the answer is not its own', () => {
	it('leaves success, redirects and validation failures to the page', () => {
		expect(problemOf({ type: 'success', status: 200 }, answer(200))).toBeNull();
		expect(problemOf({ type: 'redirect', status: 303 }, answer(200))).toBeNull();
		expect(problemOf({ type: 'failure', status: 429 }, answer(429, { retryAfter: '60' }))).toBeNull();
	});

	it('names a refused form (also a plain-text 403 Kit cannot parse) and says to reload', () => {
		expect(problemOf({ type: 'error', status: 403, error: { message: 'Cross-site' } }, answer(403))).toMatchObject({ kind: 'refused' });
		const plain = problemOf({ type: 'error', error: new SyntaxError('Unexpected token') }, answer(403));
		expect(plain).toMatchObject({ kind: 'refused' });
		expect(plain!.message).toContain('herlaad de pagina');
		expect(problemOf({ type: 'error', error: new SyntaxError('x') }, answer(401))).toMatchObject({ kind: 'refused' });
	});

	it('says too large, and the wait after too many attempts', () => {
		expect(problemOf({ type: 'error', status: 413 }, answer(413))!.message).toContain('te groot');
		expect(problemOf({ type: 'error', status: 429 }, answer(429, { retryAfter: '120' }))!.message).toContain('Wacht 2 min.');
		expect(problemOf({ type: 'error', status: 429 }, answer(429, { retryAfter: '30' }))!.message).toContain('30 seconden');
		expect(problemOf({ type: 'error', status: 429 }, answer(429))!.message).toContain('Wacht even');
	});

	it('gives the request id of a server error, from the header or the error body', () => {
		expect(problemOf({ type: 'error', status: 500 }, answer(500, { requestId: 'abc-1' }))).toMatchObject({ kind: 'server', reference: 'abc-1' });
		expect(problemOf({ type: 'error', status: 502, error: { message: 'x', requestId: 'body-2' } }, null)).toMatchObject({
			kind: 'server',
			reference: 'body-2'
		});
	});

	it('tells a lost connection from an unreadable answer', () => {
		expect(problemOf({ type: 'error', error: new TypeError('Failed to fetch') }, null)).toMatchObject({ kind: 'offline' });
		expect(problemOf({ type: 'error', error: new Error('x') }, null, false)).toMatchObject({ kind: 'offline' });
		expect(problemOf({ type: 'error', error: new SyntaxError('x') }, null)).toMatchObject({ kind: 'unexpected' });
	});

	it('reads Retry-After as seconds or as a date', () => {
		expect(retryAfterSeconds('120')).toBe(120);
		expect(retryAfterSeconds(new Date(90_000).toUTCString(), 0)).toBe(90);
		expect(retryAfterSeconds('soon')).toBeNull();
		expect(retryAfterSeconds(null)).toBeNull();
	});
});

describe('every enhanced form gets these messages', () => {
	it('imports enhance from $lib/forms/enhance, never straight from $app/forms', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (/\.(svelte|ts)$/.test(entry.name) && !full.includes(`${path.sep}paraglide${path.sep}`) && !full.endsWith(path.join('forms', 'enhance.ts'))) {
					if (/import\s*\{[^}]*\benhance\b[^}]*\}\s*from\s*'\$app\/forms'/.test(fs.readFileSync(full, 'utf8'))) offenders.push(full);
				}
			}
		};
		walk(path.resolve('src'));
		expect(offenders).toEqual([]);
	});
});
