import type { Db } from '../db';
import { requireCoordinator, type Actor } from '../auth/actor';
import { listTrainerGivenEditions } from '../certificates/certificate-editions.repository';
import { requireTrainer } from '../workshops/trainers/trainer-views.service';
import { breakdowns, pupilFigures, type Breakdown } from './pupil-figures.service';

/*
 * Who sees which pupil figures (issue 19.3). The figures themselves, and their
 * suppression below the minimum group, are pupil-figures.service.ts's; here only
 * the doors: a coordinator sees every split of an edition, a trainer only their
 * own group, never another trainer's nor a campus's.
 */

export const isBreakdown = (value: string | null | undefined): value is Breakdown => (breakdowns as readonly (string | null | undefined)[]).includes(value);

/** The split asked for in a query string, else the whole edition. */
export const breakdownOf = (value: string | null | undefined): Breakdown => (isBreakdown(value) ? value : 'edition');

/** An edition's pupil figures for the coordinator's impact page and its downloads. */
export async function editionImpact(db: Db, actor: Actor, editionId: number, breakdown: Breakdown) {
	requireCoordinator(actor);
	return pupilFigures(db, editionId, breakdown);
}

/** How many of a trainer's editions (newest first) their start page shows: the current ones, not their whole history. */
const trainerEditionsShown = 2;

/**
 * A trainer's own figures: per edition in which they gave a workshop (the newest
 * two) whose campaign asks pupils questions, only their own group. The trainer's
 * id is the signed-in user's, never a parameter, so no one asks for another's.
 */
export async function trainerImpact(db: Db, user: Actor) {
	requireTrainer(user);
	const editions = (await listTrainerGivenEditions(db, user.id)).slice(0, trainerEditionsShown);
	const figures = await Promise.all(editions.map((e) => pupilFigures(db, e.editionId, 'trainer', user.id)));
	return figures
		.filter((f) => f.questions.length > 0)
		.map((f) => ({
			edition: f.edition,
			minGroup: f.minGroup,
			beforeAfter: f.beforeAfter,
			questions: f.questions,
			group: f.groups.find((g) => g.key === user.id) ?? null
		}));
}

export type TrainerImpact = Awaited<ReturnType<typeof trainerImpact>>;
