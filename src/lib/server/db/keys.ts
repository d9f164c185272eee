/**
 * Normalised key for text that must be unique or searched: trimmed, NFC, inner
 * white space folded, lower-cased. "Zoë" and "Zoe\u0308", "5B" and " 5b " match.
 */
export function textKey(value: string): string {
	return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-BE');
}

export function emailKey(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}
