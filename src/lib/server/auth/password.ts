import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): about 65 ms on these machines.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash so that "no such account" costs as long as
 * "wrong password": response time must not reveal whether an account exists.
 */
export async function burnPasswordTime(password: string): Promise<void> {
	dummyHash ??= hashPassword('timing-equaliser-not-a-password');
	await verifyPassword(await dummyHash, password);
}
