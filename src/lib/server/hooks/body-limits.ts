import { config } from '../config';
import { maxLogoBytes } from '../certificates/branding.service';
import { maxCityLogoBytes } from '../settings/city-logo';
import { maxImportBytes } from '../campuses/campus-import/analyse';
import { maxImportBytes as maxBlockedDaysImportBytes } from '../workshops/slots/blocked-days-import';

/**
 * How many bytes of request body each route may receive (issue 13, point 1).
 *
 * adapter-node's BODY_SIZE_LIMIT is one number for every route, and uploads need
 * it large, which let anyone post 100 MB to `/login`. So the real limit is per
 * route and enforced in the `handle` hook (hooks/body-hook.ts) before anything
 * reads the body: by Content-Length, and for chunked bodies while streaming.
 * BODY_SIZE_LIMIT stays as an outer backstop and must be at least the largest
 * limit here (UPLOAD_MAX_BYTES + FILE_HEADROOM_BYTES).
 */

/** Every route not listed below: the largest real form (a long description) is a few KB. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Added to a file route's own cap: the multipart envelope and the text fields
 * around the file, and room for the route to refuse a slightly-too-large file
 * itself, with its more precise message ("at most 2 MB").
 */
export const FILE_HEADROOM_BYTES = 1024 * 1024;

/**
 * The routes that receive a file, by route id, with that file's own cap. The
 * material endpoints stream to disk (storage/upload.ts); the others are small
 * files read by a form action.
 */
const fileRoutes: Record<string, () => number> = {
	'/api/materials/upload': () => config().UPLOAD_MAX_BYTES,
	'/api/materials/[id=id]/versions': () => config().UPLOAD_MAX_BYTES,
	'/(app)/coordinator/campuses/import': () => maxImportBytes,
	'/(app)/coordinator/settings': () => maxCityLogoBytes,
	'/(app)/coordinator/editions/[id=id]/certificates/branding': () => maxLogoBytes,
	'/(app)/coordinator/editions/[id=id]/blocked-days': () => maxBlockedDaysImportBytes
};

export const fileRouteIds: readonly string[] = Object.keys(fileRoutes);

/** The most bytes of body the route may receive. */
export function bodyLimitFor(routeId: string | null): number {
	const fileCap = routeId ? fileRoutes[routeId] : undefined;
	return fileCap ? fileCap() + FILE_HEADROOM_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}
