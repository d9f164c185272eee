import { defineConfig } from 'vite';

/**
 * The render worker's thread (src/lib/server/workers/render-worker.ts) as its own
 * file, build/workers/render-worker.js: a worker thread starts from a file, and
 * Kit's server bundle has no entry for one. Built by `npm run build` after Kit's
 * build (adapter-node empties build/ first); packages stay imports from
 * node_modules, as in the server bundle.
 */
export default defineConfig({
	publicDir: false,
	logLevel: 'warn',
	build: {
		ssr: 'src/lib/server/workers/render-worker.ts',
		outDir: 'build/workers',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		rollupOptions: { output: { format: 'es', entryFileNames: 'render-worker.js' } }
	}
});
