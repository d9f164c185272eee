/**
 * One HTTP byte range (RFC 9110 §14.1.2). Anything we do not serve as a single
 * range (several ranges, another unit, bad syntax) is answered with the whole file
 * (200), which the RFC allows; only a well-formed range outside the file is 416.
 */
export type RangeRequest = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const whole: RangeRequest = { kind: 'whole' };
const unsatisfiable: RangeRequest = { kind: 'unsatisfiable' };

export function parseRange(header: string | null | undefined, size: number): RangeRequest {
	if (!header) return whole;
	const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
	if (!match) return whole;
	const [, first, last] = match;
	if (first === '' && last === '') return whole;
	if (first === '') {
		// "-500": the last 500 bytes.
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return unsatisfiable;
		return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(first);
	const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
	if (last !== '' && Number(last) < start) return whole;
	if (start >= size) return unsatisfiable;
	return { kind: 'partial', start, end };
}

/** The Content-Range value for a partial (206) or unsatisfiable (416) answer. */
export function contentRange(range: RangeRequest, size: number): string | null {
	if (range.kind === 'partial') return `bytes ${range.start}-${range.end}/${size}`;
	if (range.kind === 'unsatisfiable') return `bytes */${size}`;
	return null;
}
