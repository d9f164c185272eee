import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// Forms post from our own origin only; adapter-node reads ORIGIN in production.
		csrf: { trustedOrigins: [] },
		alias: { $db: 'db' }
	}
};

export default config;
