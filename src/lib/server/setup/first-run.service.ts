import type { Db } from '../db';
import type { FirstRunStep } from '../../first-run';
import { firstRunFacts, newestPublishedEditionId } from './first-run.repository';

/**
 * The checklist a coordinator sees on a fresh install until the city has sent
 * its first invitations to the schools, in the order the work has to happen.
 * Returns null once every step is done, so a running city never sees it again.
 */
export async function firstRunChecklist(db: Db): Promise<FirstRunStep[] | null> {
	const facts = await firstRunFacts(db);
	if (Object.values(facts).every(Boolean)) return null;
	const editionId = facts.edition ? await newestPublishedEditionId(db) : null;
	return [
		{ id: 'city', href: '/coordinator/settings', done: facts.city },
		{ id: 'campaign', href: '/coordinator/campaigns', done: facts.campaign },
		{ id: 'organisations', href: '/coordinator/organisations', done: facts.organisation && facts.trainer },
		{ id: 'campuses', href: '/coordinator/campuses/import', done: facts.campus },
		{ id: 'edition', href: '/coordinator/editions', done: facts.edition },
		{ id: 'schools', href: editionId ? `/coordinator/editions/${editionId}/invitations` : '/coordinator/editions', done: facts.invited }
	];
}
