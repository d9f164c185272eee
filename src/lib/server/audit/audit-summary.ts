import { hiddenValue, redactAuditJson } from './redact';

const maxValueLength = 60;
const maxSummaryLength = 400;

function show(value: unknown): string {
	if (value === null || value === undefined) return '–';
	if (Array.isArray(value)) return value.length > 6 ? `${value.slice(0, 6).map(show).join(', ')}, … (${value.length})` : value.map(show).join(', ');
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

const asRecord = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { value };

/**
 * A readable one-line account of an entry's details, after redaction:
 * "status: waiting → enrolled; pupilCount: 22". Only keys that changed are shown
 * when both sides have them. `hidden` is the word shown for hidden values.
 */
export function auditSummary(beforeJson: string | null, afterJson: string | null, hidden = hiddenValue): string {
	const before = asRecord(redactAuditJson(beforeJson));
	const after = asRecord(redactAuditJson(afterJson));
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	const word = (v: unknown) => (v === hiddenValue ? hidden : show(v));
	const parts: string[] = [];
	for (const key of keys) {
		const inBefore = key in before;
		const inAfter = key in after;
		if (inBefore && inAfter) {
			if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
			parts.push(`${key}: ${word(before[key])} → ${word(after[key])}`);
		} else parts.push(`${key}: ${word(inAfter ? after[key] : before[key])}`);
	}
	const text = parts.join('; ');
	return text.length > maxSummaryLength ? `${text.slice(0, maxSummaryLength - 1)}…` : text;
}
