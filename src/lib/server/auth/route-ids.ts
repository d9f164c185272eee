/**
 * The route ids of every page and endpoint, read from the file names at build
 * time (the glob is not eager: nothing is imported). The guard test uses the same
 * lists to prove that every route has a guard entry.
 */
const pageFiles = import.meta.glob('/src/routes/**/+page.svelte');
const endpointFiles = import.meta.glob('/src/routes/**/+server.ts');

export function routeIdOf(file: string): string {
	const id = file.replace(/^\/src\/routes/, '').replace(/\/\+(page\.svelte|server\.ts)$/, '');
	return id === '' ? '/' : id;
}

export const pageRouteIds = new Set(Object.keys(pageFiles).map(routeIdOf));
export const endpointRouteIds = new Set(Object.keys(endpointFiles).map(routeIdOf));
