import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { downloadResponse } from '../../src/lib/server/http/download-response';
import { RenderBusyError } from '../../src/lib/server/workers/render-pool';

const event = (accept = 'text/html') => {
	const url = new URL('http://localhost:3000/coordinator/editions/3/report/report-nl.pdf');
	return { url, request: new Request(url, { headers: { accept } }) } as unknown as RequestEvent;
};

describe('a download while every render worker is busy', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it("answers 503 with Retry-After and a page in the user's language that leads back", async () => {
		for (const [locale, text] of [
			['nl', 'Probeer het over 30 seconden opnieuw'],
			['en', 'Please try again in 30 seconds']
		] as const) {
			overwriteGetLocale(() => locale);
			const res = await downloadResponse(event(), async () => {
				throw new RenderBusyError();
			});
			expect(res.status).toBe(503);
			expect(res.headers.get('retry-after')).toBe('30');
			expect(res.headers.get('cache-control')).toBe('no-store');
			const page = await res.text();
			expect(page).toContain(text);
			expect(page).toContain(`<html lang="${locale}"`);
			expect(page).toContain('href="/coordinator/editions/3/report/report-nl.pdf"');
		}
	});

	it('serves the file as an attachment when a worker is free', async () => {
		const res = await downloadResponse(event(), async () => ({
			filename: 'rapport paars.pdf',
			contentType: 'application/pdf',
			body: new Uint8Array([37, 80, 68, 70])
		}));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''rapport%20paars.pdf");
		expect(await res.text()).toBe('%PDF');
	});
});
