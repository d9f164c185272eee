/** Page numbers from ?page=N (or another parameter, for a second list on the page), clamped; the page size is the server's choice. */
export function pageParams(url: URL, pageSize = 25, param = 'page') {
	const raw = Number(url.searchParams.get(param) ?? '1');
	const page = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
	return { page, limit: pageSize, offset: (page - 1) * pageSize };
}

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
