import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';
import { pageRouteIds } from './route-ids';

/**
 * Who may reach each route, keyed by SvelteKit's route.id. Deny by default: a
 * route missing here is refused, and tests/unit/guards.test.ts fails for it.
 */
export type Rule = { access: 'public' } | { access: 'signed-in' } | { access: 'roles'; roles: Role[] };

const publicRoute: Rule = { access: 'public' };
const signedIn: Rule = { access: 'signed-in' };
const roles = (...r: Role[]): Rule => ({ access: 'roles', roles: r });

export const guardTable: Record<string, Rule> = {
	'/': publicRoute,
	'/health': publicRoute,
	'/language': publicRoute,
	'/logout': publicRoute,
	'/(public)/login': publicRoute,
	'/(public)/q': publicRoute,
	'/(public)/q/[code]': publicRoute,
	'/(public)/login/link': publicRoute,
	'/(public)/login/link/[token]': publicRoute,
	'/(public)/register': publicRoute,
	'/(public)/confirm-email/[token]': publicRoute,
	'/(public)/invite/[token]': publicRoute,
	'/(public)/forgot-password': publicRoute,
	'/(public)/reset-password/[token]': publicRoute,
	'/(public)/privacy': publicRoute,
	'/(public)/accessibility': publicRoute,
	'/(public)/verify': publicRoute,
	'/(public)/verify/[code]': publicRoute,
	'/(app)/account': signedIn,
	'/(app)/account/data': signedIn,
	'/(app)/coordinator/data-requests': roles('coordinator'),
	'/(app)/coordinator/audit': roles('coordinator'),
	'/(app)/coordinator/audit/export': roles('coordinator'),
	'/(app)/teacher': roles('teacher'),
	'/(app)/teacher/editions/[id=id]/enrol': roles('teacher'),
	'/(app)/teacher/editions/[id=id]/enrol/several': roles('teacher'),
	'/(app)/teacher/classes/[id=id]': roles('teacher'),
	'/(app)/teacher/materials': roles('teacher'),
	'/(app)/teacher/kit': roles('teacher'),
	'/(app)/trainer': roles('trainer'),
	'/(app)/trainer/workshops': roles('trainer'),
	'/(app)/trainer/workshops/open': roles('trainer'),
	'/(app)/trainer/workshops/[id=id]': roles('trainer'),
	'/(app)/trainer/workshops/planner': roles('trainer'),
	'/(app)/trainer/calendar': roles('trainer'),
	'/(app)/coordinator': roles('coordinator'),
	'/(app)/coordinator/people': roles('coordinator'),
	'/(app)/coordinator/kit': roles('coordinator'),
	'/(app)/coordinator/outbox': roles('coordinator'),
	'/(app)/coordinator/outbox/[id=id]': roles('coordinator'),
	'/(app)/coordinator/settings': roles('coordinator'),
	'/(app)/coordinator/settings/retention': roles('coordinator'),
	// The header shows the city's logo to everyone, logged in or not.
	'/city-logo/[hash]': publicRoute,
	'/(app)/coordinator/editions': roles('coordinator'),
	'/(app)/coordinator/editions/new': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/edit': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/enrol': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/enrolments': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/enrolments/export/[format]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/report': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/report/[file]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/impact': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/impact/export/[format]': roles('coordinator'),
	'/(app)/coordinator/classes/[id=id]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/materials': roles('coordinator'),
	'/(app)/coordinator/materials/[id=id]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/kits': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/workshops': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/workshops/new': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/workshops/bulk': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/workshops/planning': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/workshops/[slotId=id]': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/blocked-days': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/orders': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/certificates': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/certificates/branding': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/calendar': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/invitations': roles('coordinator'),
	'/(app)/coordinator/editions/[id=id]/orders/new': roles('coordinator'),
	'/(app)/coordinator/orders/[id=id]': roles('coordinator'),
	'/api/materials/upload': roles('coordinator'),
	'/api/materials/[id=id]/versions': roles('coordinator'),
	'/api/materials/[id=id]/download': roles('teacher', 'coordinator'),
	'/api/kit-orders/[id=id]/packing-list': roles('coordinator'),
	'/api/editions/[id=id]/pick-list': roles('coordinator'),
	'/api/editions/[id=id]/planner-workshops/[format]': roles('trainer'),
	'/api/classes/[id=id]/certificate': roles('teacher', 'coordinator'),
	'/api/classes/[id=id]/named-certificates': roles('teacher', 'coordinator'),
	'/api/editions/[id=id]/certificate-preview': roles('coordinator'),
	'/api/editions/[id=id]/certificates/[format]': roles('coordinator'),
	'/api/editions/[id=id]/campuses/[campusId=id]/certificate': roles('teacher', 'coordinator'),
	'/api/editions/[id=id]/trainers/[trainerId=id]/certificate': roles('trainer', 'coordinator'),
	// A calendar app has no session: the token in the address is the credential.
	'/api/calendar/[token]': publicRoute,
	'/(app)/coordinator/schools': roles('coordinator'),
	'/(app)/coordinator/schools/[id=id]': roles('coordinator'),
	'/(app)/coordinator/campaigns': roles('coordinator'),
	'/(app)/coordinator/campaigns/new': roles('coordinator'),
	'/(app)/coordinator/campaigns/[id=id]': roles('coordinator'),
	'/(app)/coordinator/organisations': roles('coordinator'),
	'/(app)/coordinator/organisations/new': roles('coordinator'),
	'/(app)/coordinator/organisations/[id=id]': roles('coordinator'),
	'/(app)/coordinator/campuses': roles('coordinator'),
	'/(app)/coordinator/campuses/new': roles('coordinator'),
	'/(app)/coordinator/campuses/[id=id]': roles('coordinator'),
	'/(app)/coordinator/campuses/import': roles('coordinator'),
	'/(app)/coordinator/campuses/import/template': roles('coordinator'),
	'/(app)/coordinator/campuses/codes/[format]': roles('coordinator')
};

export type GuardDecision = 'allow' | 'login' | 'forbidden';

export function decide(routeId: string | null, user: SessionUser | null): GuardDecision {
	if (routeId === null) return 'allow'; // no route: Kit answers 404
	const rule = guardTable[routeId];
	if (!rule) return user ? 'forbidden' : 'login';
	if (rule.access === 'public') return 'allow';
	if (!user) return 'login';
	if (rule.access === 'signed-in') return 'allow';
	return rule.roles.some((r) => user.roles.includes(r)) ? 'allow' : 'forbidden';
}

/**
 * Pages inside (app) render their refusal through the localized error page:
 * the hook only records the decision and the layout (and every page load, since
 * loads run in parallel) throws it.
 */
export function defersToLayout(routeId: string | null, method: string): boolean {
	return !!routeId && routeId.startsWith('/(app)') && pageRouteIds.has(routeId) && (method === 'GET' || method === 'HEAD');
}

/** A same-site path to come back to after login; anything else becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
	// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
	if (/[\u0000-\u001f]/.test(value)) return '/';
	return value;
}

export function loginUrl(returnTo: URL): string {
	const path = returnTo.pathname + returnTo.search;
	return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

/** For page loads: the signed-in user, or the same redirect/403 the layout throws. */
export function pageUser(locals: App.Locals, url: URL): SessionUser {
	if (locals.guard === 'login' || !locals.user) redirect(303, loginUrl(url));
	if (locals.guard === 'forbidden') error(403, 'forbidden');
	return locals.user;
}

export const startPageOf = (user: SessionUser): string =>
	user.roles.includes('coordinator') ? '/coordinator' : user.roles.includes('trainer') ? '/trainer' : user.roles.includes('teacher') ? '/teacher' : '/account';
