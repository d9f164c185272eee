/**
 * Campus invite codes: 12 characters of Crockford base32, shown as XXXX-XXXX-XXXX.
 * Reading is forgiving the way Crockford intends: case, spaces and hyphens do not
 * matter, O reads as 0 and I/L as 1. Client-safe (the register form uses it).
 */
export const inviteCodeLength = 12;

export function normaliseInviteCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isWellFormedInviteCode(normalised: string): boolean {
	return new RegExp(`^[0-9A-HJKMNP-TV-Z]{${inviteCodeLength}}$`).test(normalised);
}

export function formatInviteCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}
