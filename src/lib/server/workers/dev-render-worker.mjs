// The render worker outside a build (vite dev, Vitest): the thread loads the
// TypeScript source through tsx (a dependency). A build runs
// build/workers/render-worker.js instead (vite.worker.config.ts).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
