// Loaded with `node --import ./scripts/static-headers.mjs build/index.js` (npm start
// and the e2e server do so). adapter-node serves /_app and static/ through sirv
// before any SvelteKit hook runs, so hooks.server.ts cannot give those files the
// security headers every page has. This puts `X-Content-Type-Options: nosniff` on
// every response of every HTTP server in the process, before its own handler runs
// (a header the handler sets itself simply replaces it). Issue 13, point 6.
import http from 'node:http';

const createServer = http.createServer;
http.createServer = function (...args) {
	const server = createServer.apply(this, args);
	server.prependListener('request', (_request, response) => response.setHeader('x-content-type-options', 'nosniff'));
	return server;
};
