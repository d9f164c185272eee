import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs, registerConfirmedTeacher, LoginPage } from './support/pages';
import { read } from './support/read-db';
import { demo, unique } from './support/people';

/**
 * Issue 13, points 1, 4, 5 and 6: what a hostile or broken client gets. Raw HTTP
 * through node:http where the browser cannot send it (a chunked body, a body
 * larger than its limit, a broken multipart body).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
const MB = 1024 * 1024;

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/**
 * Posts `size` bytes (all "a", after `prefix`) in 64 KB writes, with Content-Length
 * unless `chunked`. Resolves with the answer, or null when the server closed the
 * connection without one (its right for a body far over the limit).
 */
function post(path: string, opts: { size: number; prefix?: string; chunked?: boolean; headers?: Record<string, string> }): Promise<Answer | null> {
	const prefix = Buffer.from(opts.prefix ?? '');
	const total = prefix.length + opts.size;
	return new Promise((resolve) => {
		const request = http.request(`${origin}${path}`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				'accept-language': 'nl-BE',
				'content-type': 'application/x-www-form-urlencoded',
				...(opts.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
				...opts.headers
			}
		});
		let answered = false;
		request.on('response', (response) => {
			answered = true;
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (d) => (body += d));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
			response.on('error', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
		});
		request.on('error', () => {
			if (!answered) resolve(null);
		});
		const piece = Buffer.alloc(64 * 1024, 'a');
		let sent = 0;
		const write = () => {
			if (sent === 0 && prefix.length) request.write(prefix);
			while (sent < opts.size) {
				const n = Math.min(piece.length, opts.size - sent);
				sent += n;
				if (!request.write(n === piece.length ? piece : piece.subarray(0, n))) return void request.once('drain', write);
				if (request.destroyed) return;
			}
			request.end();
		};
		write();
	});
}

/** A raw body with its own content type (Content-Length set). */
function postRaw(path: string, contentType: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(`${origin}${path}`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				'accept-language': 'nl-BE',
				'content-type': contentType,
				'content-length': String(Buffer.byteLength(body)),
				...headers
			}
		});
		request.on('response', (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (d) => (text += d));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** The e2e server's resident memory in MB (tests/e2e/server.mjs writes its pid). */
function serverRssMb(): number {
	const pid = readFileSync('.e2e/server.pid', 'utf8').trim();
	const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
	return kb / 1024;
}

test.describe('request bodies over their limit (point 1)', () => {
	test('a 5 MB post to /login gets the 413 page in Dutch, and 100 MB posts do not fill the memory', async () => {
		const before = serverRssMb();
		const answer = await post('/login', { size: 5 * MB, prefix: 'email=a%40b.be&password=' });
		expect(answer?.status).toBe(413);
		expect(answer?.body).toContain('<h1>Te groot</h1>');
		expect(answer?.body).toContain('Wat je verstuurt is te groot.');

		// Far over the limit: refused (the server may close the connection without reading on).
		for (let i = 0; i < 3; i++) {
			const big = await post('/login', { size: 100 * MB, prefix: 'email=a%40b.be&password=' });
			if (big) expect(big.status).toBe(413);
		}
		// Reading those bodies took the server from ~300 MB to over 800 MB before the limit.
		expect(serverRssMb() - before).toBeLessThan(64);
		expect((await fetch(`${origin}/health`)).status).toBe(200);
	});

	test('a chunked body without Content-Length is cut off at the limit with 413', async () => {
		const answer = await post('/login', { size: 3 * MB, prefix: 'email=a%40b.be&password=', chunked: true });
		expect(answer?.status).toBe(413);
		expect(answer?.body).toContain('Te groot');
		// An enhanced form gets an ActionResult its page can put in words.
		const enhanced = await post('/login', {
			size: 3 * MB,
			prefix: 'email=a%40b.be&password=',
			chunked: true,
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(enhanced?.status).toBe(413);
		expect(JSON.parse(enhanced!.body)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('te groot') } });
	});

	test('a form of normal size still works; a file of a few MB still reaches the upload endpoint', async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
		const edition = upcomingEdition();
		const title = `Groot maar toegelaten ${unique()}`;
		// Over the 1 MB of ordinary routes, under this server's UPLOAD_MAX_BYTES of 2 MB.
		const pdf = Buffer.concat([
			Buffer.from(
				'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
				'latin1'
			),
			Buffer.alloc(1_800_000, 0x20)
		]);
		const answer = await page.request.post(`/api/materials/upload?editionId=${edition.id}`, {
			headers: { origin },
			multipart: {
				editionId: String(edition.id),
				titleNl: title,
				titleEn: title,
				language: 'nl',
				level_secundair: '1',
				sortOrder: '0',
				file: { name: 'Groot.pdf', mimeType: 'application/pdf', buffer: pdf }
			},
			maxRedirects: 0
		});
		expect(answer.status()).toBe(303);
		expect(answer.headers().location).toMatch(/\/coordinator\/materials\/\d+\?created$/);
		const stored = read(
			(db) =>
				db.prepare('select v.size from material_versions v join materials m on m.id = v.material_id where m.title_nl = ?').get(title) as
					{ size: number } | undefined
		);
		expect(stored?.size).toBe(pdf.length);
	});
});

test.describe('malformed requests get 400, not 500 (point 4)', () => {
	test('a broken multipart body on an action gets 400 with a message, as a page and as an ActionResult', async () => {
		const broken = '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf';
		const page = await postRaw('/login', 'multipart/form-data; boundary=xyz', broken);
		expect(page.status).toBe(400);
		expect(page.body).toContain('Wat je browser verstuurde, is geen leesbaar formulier.');

		const enhanced = await postRaw('/login', 'multipart/form-data; boundary=xyz', broken, {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'accept-language': 'en'
		});
		expect(enhanced.status).toBe(400);
		expect(JSON.parse(enhanced.body)).toEqual({
			type: 'error',
			error: { message: 'What your browser sent is not a readable form. Reload the page and try again.' }
		});
	});

	test('JSON or plain text posted to a form action gets 400 with a message', async () => {
		const json = await postRaw('/login', 'application/json', JSON.stringify({ email: 'a@b.be', password: 'x' }));
		expect(json.status).toBe(400);
		expect(json.body).toContain('<h1>Onleesbaar formulier</h1>');
		const text = await postRaw('/register', 'text/plain', 'email=a@b.be');
		expect(text.status).toBe(400);
		expect(text.body).toContain('geen leesbaar formulier');
	});
});

test.describe('the language switch changes nothing on a GET (point 5)', () => {
	const localeOf = (email: string) => read((db) => (db.prepare('select locale from users where email = ?').get(email) as { locale: string }).locale);

	test('a link to /language from another site does not change a signed-in user’s profile; the form does', async ({ page }) => {
		const account = await registerConfirmedTeacher(page, 'getlang');
		await new LoginPage(page).login(account.email, account.password);
		await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();
		expect(localeOf(account.email)).toBe('nl');

		// What a link or an image on another site makes the browser do.
		await page.goto('/language?to=en&back=%2Fteacher', { referer: 'https://elders.example/' });
		await expect(page).toHaveURL('/teacher');
		await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();
		expect(localeOf(account.email)).toBe('nl');

		// A form post from another site is refused outright.
		const crossSite = await page.request.post('/language', {
			headers: { origin: 'https://elders.example' },
			form: { to: 'en', back: '/teacher' },
			maxRedirects: 0
		});
		expect(crossSite.status()).toBe(403);
		expect(localeOf(account.email)).toBe('nl');

		await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
		expect(localeOf(account.email)).toBe('en');

		// The way back is a path on this site only.
		const away = await page.request.post('/language', { headers: { origin }, form: { to: 'nl', back: '//elders.example/phish' }, maxRedirects: 0 });
		expect(away.status()).toBe(303);
		expect(away.headers().location).toBe('/');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the switch works and goes back to the same page with its query', async ({ page }) => {
			await page.goto('/login?next=%2Fteacher');
			await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
			await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
			await expect(page).toHaveURL('/login?next=%2Fteacher');
			await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
			await expect(page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
		});
	});
});

test('the app’s own script and style files carry nosniff too (point 6)', async ({ request }) => {
	const html = await (await request.get('/login')).text();
	// Kit links them relative to the page: "./_app/immutable/…".
	const asset = /(?:src|href)="\.?(\/_app\/immutable\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
	expect(asset, 'an /_app asset linked from the login page').toBeTruthy();
	const answer = await request.get(asset!);
	expect(answer.status()).toBe(200);
	expect(answer.headers()['x-content-type-options']).toBe('nosniff');
});
