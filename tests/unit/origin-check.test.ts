import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../src/lib/server/config';
import { isCrossSiteFormPost } from '../../src/lib/server/auth/origin-check';

const post = (origin: string | null, host: string, type = 'application/x-www-form-urlencoded', method = 'POST') =>
	new Request(`https://${host}/login`, {
		method,
		headers: { ...(origin ? { origin } : {}), host, 'content-type': type },
		body: method === 'GET' ? undefined : 'a=1'
	});

function withEnv(env: Record<string, string | undefined>) {
	for (const [k, v] of Object.entries(env)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	resetConfigForTests();
}

const saved = { NODE_ENV: process.env.NODE_ENV, ORIGIN: process.env.ORIGIN };
afterEach(() => withEnv(saved));

describe('form posts outside production without ORIGIN (npm start as the README says)', () => {
	it('accepts a post from http://localhost and http://127.0.0.1 at the port the browser used', () => {
		withEnv({ NODE_ENV: 'development', ORIGIN: undefined });
		// adapter-node builds https://<Host> when ORIGIN is unset; the browser sends http.
		expect(isCrossSiteFormPost(post('http://localhost:3000', 'localhost:3000'), new URL('https://localhost:3000/login'))).toBe(false);
		expect(isCrossSiteFormPost(post('http://127.0.0.1:3000', '127.0.0.1:3000'), new URL('https://127.0.0.1:3000/login'))).toBe(false);
	});

	it('refuses a post from another site or without an Origin', () => {
		withEnv({ NODE_ENV: 'development', ORIGIN: undefined });
		expect(isCrossSiteFormPost(post('https://evil.example', 'localhost:3000'), new URL('https://localhost:3000/login'))).toBe(true);
		expect(isCrossSiteFormPost(post('http://localhost:4000', 'localhost:3000'), new URL('https://localhost:3000/login'))).toBe(true);
		expect(isCrossSiteFormPost(post(null, 'localhost:3000'), new URL('https://localhost:3000/login'))).toBe(true);
	});

	it('leaves JSON posts and reads alone (they cannot be sent cross-site by a plain form)', () => {
		withEnv({ NODE_ENV: 'development', ORIGIN: undefined });
		expect(isCrossSiteFormPost(post('https://evil.example', 'localhost:3000', 'application/json'), new URL('https://localhost:3000/x'))).toBe(false);
	});
});

describe('form posts in production', () => {
	it('accepts only ORIGIN, whatever the Host header says', () => {
		withEnv({ NODE_ENV: 'production', ORIGIN: 'https://campagnes.example.be' });
		const url = new URL('https://campagnes.example.be/login');
		expect(isCrossSiteFormPost(post('https://campagnes.example.be', 'campagnes.example.be'), url)).toBe(false);
		expect(isCrossSiteFormPost(post('http://campagnes.example.be', 'campagnes.example.be'), url)).toBe(true);
		expect(isCrossSiteFormPost(post('https://evil.example', 'evil.example'), new URL('https://evil.example/login'))).toBe(true);
	});
});
