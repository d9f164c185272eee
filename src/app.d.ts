import type { GuardDecision } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			/** The database, set once per request in hooks.server.ts: routes take it from here. */
			db: import('kysely').Kysely<import('$lib/server/db/schema').Database>;
			user: SessionUser | null;
			sessionId: string | null;
			guard: GuardDecision;
			/** Set by handleError when the database was unreachable: the answer becomes a 503. */
			dbDown?: boolean;
		}
		interface Error {
			message: string;
			requestId?: string;
			/** The database was unreachable: +error.svelte says "briefly unavailable". */
			dbDown?: boolean;
			/** For a post: whether its change was saved (lib/server/db/write-outcome.ts). */
			outcome?: import('$lib/server/db/write-outcome').WriteOutcome;
		}
		interface PageData {
			user?: { displayName: string; roles: import('$lib/domain').Role[] } | null;
		}
	}
}

export {};
