/** File names and the Content-Disposition header for downloads, shared by every export (downloadResponse writes the header). */

/** "Campagne Vlaanderen 2027" → "campagne-vlaanderen-2027": ASCII, lower case, hyphens. */
export function fileSlug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80) || 'export'
	);
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients plus the
 * exact name as RFC 5987 `filename*` (UTF-8, percent-encoded), which every current
 * browser prefers.
 */
export function contentDisposition(filename: string): string {
	const ascii = filename
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
