import * as m from '$lib/paraglide/messages';
import type { Role } from '$lib/domain';

/** Start page and navigation of each role; shared by the header and the start pages. */
export const roleStart: Record<Role, string> = { coordinator: '/coordinator', trainer: '/trainer', teacher: '/teacher' };

export const roleLabel = (role: Role): string => (role === 'coordinator' ? m.role_coordinator() : role === 'trainer' ? m.role_trainer() : m.role_teacher());

/**
 * A menu entry. `also` claims pages that live elsewhere in the tree: the kit's
 * stock and orders pages sit under their edition, yet belong to the kit entry.
 */
export interface NavItem {
	href: string;
	label: string;
	also?: RegExp;
}

export function navOf(role: Role): NavItem[] {
	switch (role) {
		case 'coordinator':
			return [
				{ href: '/coordinator', label: m.coordinator_title() },
				{ href: '/coordinator/editions', label: m.nav_editions() },
				{ href: '/coordinator/kit', label: m.nav_kit(), also: /^\/coordinator\/(editions\/\d+\/(kits|orders)|orders)(\/|$)/ },
				{ href: '/coordinator/campaigns', label: m.co_nav_campaigns() },
				{ href: '/coordinator/organisations', label: m.co_nav_organisations() },
				{ href: '/coordinator/schools', label: m.nav_schools() },
				{ href: '/coordinator/campuses', label: m.nav_campuses() },
				{ href: '/coordinator/people', label: m.nav_people() },
				{ href: '/coordinator/outbox', label: m.nav_outbox() },
				{ href: '/coordinator/audit', label: m.md_audit_nav() },
				{ href: '/coordinator/settings', label: m.cs_nav() }
			];
		case 'trainer':
			return [
				{ href: '/trainer', label: m.trainer_title() },
				{ href: '/trainer/workshops', label: m.ws_nav_my_workshops() },
				{ href: '/trainer/workshops/open', label: m.ws_nav_open_slots() },
				{ href: '/trainer/calendar', label: m.ws_nav_calendar() }
			];
		case 'teacher':
			return [
				{ href: '/teacher', label: m.teacher_title() },
				{ href: '/teacher/materials', label: m.nav_materials() },
				{ href: '/teacher/kit', label: m.nav_kit() }
			];
	}
}

/** The role whose section the path is in; else the account's first role. */
export function currentRole(path: string, roles: Role[]): Role | null {
	const fromPath = (Object.keys(roleStart) as Role[]).find((r) => path === roleStart[r] || path.startsWith(roleStart[r] + '/'));
	if (fromPath && roles.includes(fromPath)) return fromPath;
	return roles.includes('coordinator') ? 'coordinator' : (roles[0] ?? null);
}
