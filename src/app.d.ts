import type { GuardDecision } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			user: SessionUser | null;
			sessionId: string | null;
			guard: GuardDecision;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
		interface PageData {
			user?: { displayName: string; roles: import('$lib/domain').Role[] } | null;
		}
	}
}

export {};
