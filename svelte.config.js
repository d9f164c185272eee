import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// precompress: every /_app file (and static/) also as .br and .gz, written at
		// build time; adapter-node's sirv serves the one the browser accepts. The
		// app's own answers are compressed per request (hooks/compression.ts).
		adapter: adapter({ out: 'build', precompress: true }),
		// Kit's own origin check is off: hooks.server.ts refuses cross-site form posts
		// itself (src/lib/server/auth/origin-check.ts), so `npm start` without ORIGIN
		// works on http://localhost and the refusal speaks the user's language.
		csrf: { trustedOrigins: ['*'] },
		// Kit adds nonces/hashes for its own inline scripts; nothing else may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		alias: { $db: 'db' }
	}
};

export default config;
