/** Headers for downloads (CSV, XLSX, PDF), shared by every export; the names in file names follow slug.ts. */

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
