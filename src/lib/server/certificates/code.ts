import { randomInt } from 'node:crypto';
import { publicOrigin } from '../config';

/**
 * Verification codes: Crockford base32 (no I, L, O, U), so a code read aloud or
 * typed from paper survives the usual confusions. 15 characters carry 75 bits:
 * guessing a valid code is hopeless, and the verify route is rate limited too.
 */
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const codeLength = 15;
const groupSize = 5;

export function newCode(): string {
	let code = '';
	for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return code;
}

/** "ABCDEFGHJKMNPQR" → "ABCDE-FGHJK-MNPQR" (for print and display). */
export function formatCode(code: string): string {
	const groups: string[] = [];
	for (let i = 0; i < code.length; i += groupSize) groups.push(code.slice(i, i + groupSize));
	return groups.join('-');
}

/**
 * What a visitor typed or scanned → the stored form, or null when it cannot be a
 * code. Case and separators (spaces, dashes, dots) do not matter; I and L read as
 * 1, O as 0 (Crockford's rule). U and anything else is refused.
 */
export function normaliseCode(input: string): string | null {
	if (input.length > 64) return null;
	const code = input
		.toUpperCase()
		.replace(/[\s\-._]/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
	if (code.length < 10 || code.length > 20) return null;
	for (const ch of code) if (!codeAlphabet.includes(ch)) return null;
	return code;
}

/** The public verify address with the code as it is printed (ABCDE-FGHJK-MNPQR): the route reads either form. */
export function verifyUrl(code: string): string {
	return `${publicOrigin()}/verify/${formatCode(code)}`;
}
