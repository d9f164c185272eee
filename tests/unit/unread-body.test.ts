import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { unreadBody } from '../../src/lib/server/http/unread-body-hook';

/**
 * A response sent without reading the request's body must still consume it:
 * otherwise the kept-alive connection (nginx's, to this process) is stuck
 * behind the unread rest and the next request on it is never answered.
 */
function postWith(size: number) {
	let pulled = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled >= size) return controller.close();
			const chunk = new Uint8Array(Math.min(64 * 1024, size - pulled));
			pulled += chunk.length;
			controller.enqueue(chunk);
		}
	});
	const request = new Request('http://localhost/coordinator/settings', { method: 'POST', body, duplex: 'half' } as RequestInit);
	return { request, pulled: () => pulled };
}

describe('unread request bodies', () => {
	it('reads the rest of a body the route answered without reading', async () => {
		const post = postWith(2 * 1024 * 1024);
		const response = await unreadBody({
			event: { request: post.request } as RequestEvent,
			resolve: async () => new Response('Unauthorized', { status: 401 })
		});
		expect(response.status).toBe(401);
		await expect.poll(() => post.pulled()).toBe(2 * 1024 * 1024);
	});

	it('leaves a body the route read alone', async () => {
		const post = postWith(1000);
		const response = await unreadBody({
			event: { request: post.request } as RequestEvent,
			resolve: async () => new Response(String((await post.request.arrayBuffer()).byteLength))
		});
		expect(await response.text()).toBe('1000');
	});
});
