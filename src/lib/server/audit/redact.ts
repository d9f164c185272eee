/**
 * What of an audit entry's before/after details may be shown to a coordinator or
 * put in a file. Services are told never to log secrets, but the audit view reads
 * years of entries written by many hands, so it does not trust them: secrets and
 * names of pupils are dropped by key and by shape, and free text (remarks, notes,
 * reasons), which may hold a pupil's name despite the form's hint, is hidden.
 */
export const hiddenValue = '[hidden]';

/** Keys whose value is a secret, or names of pupils: the key itself is left out. */
const secretKey = /pass(word|wd)?|token|secret|hash|sha256|session|cookie|invite_?code$|pupil_?names?|first_?names?|^names$|child/i;
/** Free text and contact details of people: the key stays, its value is hidden. */
const hiddenKey =
	/^(remarks?|notes?|report_?note|trainer_?note|reason|cancel_?reason|revoke_?reason|comment|message|contact_?(name|email|phone)|email|phone|recipient|received_?by)$/i;
/** Values that look like a secret whatever their key: long hex digests, or a one-time link. */
const secretValue = /\b[0-9a-f]{32,}\b|\/(invite|reset-password|confirm-email|login\/link|api\/calendar)\/\S+/i;

const maxDepth = 6;

function redactValue(value: unknown, depth: number): unknown {
	if (typeof value === 'string') return secretValue.test(value) ? hiddenValue : value;
	if (value === null || typeof value !== 'object') return value;
	if (depth >= maxDepth) return hiddenValue;
	if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) {
		if (secretKey.test(key)) continue;
		out[key] = hiddenKey.test(key) && v !== null && v !== '' ? hiddenValue : redactValue(v, depth + 1);
	}
	return out;
}

/** The details of an audit entry, safe to show: secrets and pupil names removed, free text hidden. */
export function redactAuditDetails(value: unknown): unknown {
	return redactValue(value, 0);
}

/** Parses stored JSON (null, or text that is not JSON, becomes null) and redacts it. */
export function redactAuditJson(json: string | null): unknown {
	if (json === null) return null;
	try {
		return redactAuditDetails(JSON.parse(json));
	} catch {
		return null;
	}
}
