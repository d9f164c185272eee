import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random token for cookies and one-time links: 160 bits, URL-safe. */
export function newToken(): string {
	return randomBytes(20).toString('base64url');
}

export function sha256Hex(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** Crockford base32 without bias: 32 divides 256, so a byte mod 32 is uniform. */
export function randomCrockford(length: number): string {
	const bytes = randomBytes(length);
	let out = '';
	for (const b of bytes) out += crockford[b % 32];
	return out;
}
