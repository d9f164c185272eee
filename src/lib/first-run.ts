/** The steps of a fresh install's checklist (server and start page share them). */
export type FirstRunStepId = 'city' | 'campaign' | 'organisations' | 'campuses' | 'edition' | 'schools';

export interface FirstRunStep {
	id: FirstRunStepId;
	href: string;
	done: boolean;
}
