import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { findCampaignForUpdate } from '../campaigns/campaign.repository';
import type { Db } from '../db';
import type { Database, QuestionAudience } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import type { QuestionInput } from '../../schemas/evaluation';
import * as repo from './questions.repository';

/** More would no longer be "a few questions", and a long form gets fewer answers. */
export const maxActiveQuestions = 10;

/** The teacher-evaluation questions of a campaign, for its settings page. */
export const teacherQuestions = (db: Db, campaignId: number) => repo.listQuestions(db, campaignId, 'teacher');

/** The pupils' questionnaire's questions of a campaign (issue 19.2), for its settings page. */
export const pupilQuestions = (db: Db, campaignId: number) => repo.listQuestions(db, campaignId, 'pupil');

/**
 * Runs a change to a campaign's questions: coordinators only, in a transaction
 * that first locks the campaign, so two coordinators adding or moving questions
 * at once queue up (positions are computed from what is there).
 */
async function changeQuestions<T>(
	db: Kysely<Database>,
	actor: Actor,
	campaignId: number,
	audience: QuestionAudience,
	change: (trx: Db, questions: repo.QuestionRow[]) => Promise<{ action: string; after: object; result: T }>
): Promise<T> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		if (!(await findCampaignForUpdate(trx, campaignId))) throw new NotFoundError();
		const { action, after, result } = await change(trx, await repo.listQuestions(trx, campaignId, audience));
		await audit(trx, { actorId: actor.id, action: `campaign.${action}`, entityType: 'campaign', entityId: campaignId, after: { audience, ...after } });
		return result;
	});
}

function questionOf(questions: repo.QuestionRow[], questionId: number) {
	const question = questions.find((q) => q.id === questionId);
	if (!question) throw new NotFoundError();
	return question;
}

function assertRoomForOneMore(questions: repo.QuestionRow[]) {
	if (questions.filter((q) => q.active).length >= maxActiveQuestions) throw new ValidationError('tev_error_too_many', 'textNl', { max: maxActiveQuestions });
}

export const addQuestion = (db: Kysely<Database>, actor: Actor, campaignId: number, input: QuestionInput, audience: QuestionAudience = 'teacher') =>
	changeQuestions(db, actor, campaignId, audience, async (trx, questions) => {
		assertRoomForOneMore(questions);
		const position = Math.max(0, ...questions.map((q) => q.position)) + 1;
		const id = await repo.insertQuestion(trx, { campaignId, audience, position, ...input }, nowDb());
		return { action: 'question_added', after: { questionId: id, ...input }, result: id };
	});

/** New wording of a question; answers given to the old wording stay with it. */
export const updateQuestionText = (
	db: Kysely<Database>,
	actor: Actor,
	campaignId: number,
	questionId: number,
	input: QuestionInput,
	audience: QuestionAudience = 'teacher'
) =>
	changeQuestions(db, actor, campaignId, audience, async (trx, questions) => {
		const { textNl, textEn } = questionOf(questions, questionId);
		await repo.updateQuestion(trx, questionId, input, nowDb());
		return { action: 'question_updated', after: { questionId, before: { textNl, textEn }, ...input }, result: undefined };
	});

/** Swaps a question with its neighbour above or below. */
export const moveQuestion = (
	db: Kysely<Database>,
	actor: Actor,
	campaignId: number,
	questionId: number,
	direction: 'up' | 'down',
	audience: QuestionAudience = 'teacher'
) =>
	changeQuestions(db, actor, campaignId, audience, async (trx, questions) => {
		const i = questions.indexOf(questionOf(questions, questionId));
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j >= 0 && j < questions.length) {
			// Positions are renumbered 1..n, so equal or missing positions of older rows cannot block a swap.
			const order = questions.map((q) => q.id);
			[order[i], order[j]] = [order[j], order[i]];
			for (const [k, id] of order.entries())
				if (questions.find((q) => q.id === id)!.position !== k + 1) await repo.updateQuestion(trx, id, { position: k + 1 }, nowDb());
		}
		return { action: 'question_moved', after: { questionId, direction }, result: undefined };
	});

/**
 * Deactivating stops asking a question; answers already given keep it. Questions
 * are never deleted, so no answer ever loses the question it answered.
 */
export const setQuestionActive = (
	db: Kysely<Database>,
	actor: Actor,
	campaignId: number,
	questionId: number,
	active: boolean,
	audience: QuestionAudience = 'teacher'
) =>
	changeQuestions(db, actor, campaignId, audience, async (trx, questions) => {
		const question = questionOf(questions, questionId);
		if (active && !question.active) assertRoomForOneMore(questions);
		await repo.updateQuestion(trx, questionId, { active: active ? 1 : null }, nowDb());
		return { action: active ? 'question_activated' : 'question_deactivated', after: { questionId }, result: undefined };
	});

/**
 * Whether pupils answer the same questions before and after the workshop (issue
 * 19.2): their groups' answers are then compared, never one pupil's two answers.
 */
export async function setPupilBeforeAfter(db: Kysely<Database>, actor: Actor, campaignId: number, on: boolean): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		if (!(await findCampaignForUpdate(trx, campaignId))) throw new NotFoundError();
		await repo.setPupilBeforeAfter(trx, campaignId, on, nowDb());
		await audit(trx, { actorId: actor.id, action: 'campaign.pupil_moments', entityType: 'campaign', entityId: campaignId, after: { beforeAfter: on } });
	});
}
