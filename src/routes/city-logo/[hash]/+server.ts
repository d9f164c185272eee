import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { citySettings } from '$lib/server/settings/settings.service';
import { fileStore } from '$lib/server/storage';
import type { RequestHandler } from './$types';

/**
 * The city's logo, public (the header shows it before login). Only the current
 * logo is served, never another stored file; its hash is in the address, so the
 * bytes behind it never change and browsers may keep it for a year.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const city = await citySettings(locals.db, 'nl');
	if (!city.logoSha256 || params.hash !== city.logoSha256) error(404, 'not found');
	const stat = await fileStore().stat(city.logoSha256);
	if (!stat) error(404, 'not found');
	const etag = `"${stat.sha256}"`;
	const headers = new Headers({ etag, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	headers.set('content-type', city.logoType === 'image/jpeg' ? 'image/jpeg' : 'image/png');
	headers.set('content-length', String(stat.size));
	const stream = await fileStore().openRead(stat.sha256);
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
};
