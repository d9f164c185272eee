import type { Db } from '../db';
import type { QuestionAudience } from '../db/schema';
import type { DbTime } from '../db/time';

const columns = ['id', 'campaignId', 'audience', 'kind', 'position', 'textNl', 'textEn', 'active'] as const;

/** A campaign's questions for one audience, deactivated ones included, in their order. */
export const listQuestions = (db: Db, campaignId: number, audience: QuestionAudience) =>
	db
		.selectFrom('campaignQuestions')
		.select(columns)
		.where('campaignId', '=', campaignId)
		.where('audience', '=', audience)
		.orderBy('position')
		.orderBy('id')
		.execute();

export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>[number];

/** The questions an edition's campaign asks now of one audience, in their order. */
export const listActiveQuestionsOfEdition = (db: Db, editionId: number, audience: QuestionAudience) =>
	db
		.selectFrom('campaignQuestions')
		.innerJoin('editions', 'editions.campaignId', 'campaignQuestions.campaignId')
		.select(['campaignQuestions.id', 'campaignQuestions.textNl', 'campaignQuestions.textEn'])
		.where('editions.id', '=', editionId)
		.where('campaignQuestions.audience', '=', audience)
		.where('campaignQuestions.active', '=', 1)
		.orderBy('campaignQuestions.position')
		.orderBy('campaignQuestions.id')
		.execute();

export async function insertQuestion(
	db: Db,
	row: { campaignId: number; audience: QuestionAudience; position: number; textNl: string; textEn: string },
	now: DbTime
): Promise<number> {
	const result = await db
		.insertInto('campaignQuestions')
		.values({ ...row, kind: 'scale', active: 1, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const updateQuestion = (db: Db, id: number, patch: { textNl?: string; textEn?: string; position?: number; active?: 1 | null }, now: DbTime) =>
	db
		.updateTable('campaignQuestions')
		.set({ ...patch, updatedAt: now })
		.where('id', '=', id)
		.execute();

export const setPupilBeforeAfter = (db: Db, campaignId: number, on: boolean, now: DbTime) =>
	db
		.updateTable('campaigns')
		.set({ pupilBeforeAfter: on ? 1 : 0, updatedAt: now })
		.where('id', '=', campaignId)
		.execute();
