import type { Role } from '../db/schema';
import { ForbiddenError } from '../errors';

/** Who is acting, as services need it: the signed-in user (or a script). */
export interface Actor {
	id: number;
	displayName: string;
	roles: Role[];
}

export const isCoordinator = (actor: Actor) => actor.roles.includes('coordinator');

export function requireCoordinator(actor: Actor): void {
	if (!isCoordinator(actor)) throw new ForbiddenError();
}
