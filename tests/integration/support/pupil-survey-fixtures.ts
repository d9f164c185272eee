import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { addQuestion } from '../../../src/lib/server/evaluations/questions.service';
import { answerQuestionnaire } from '../../../src/lib/server/pupil-survey/answer.service';
import { openSurvey } from '../../../src/lib/server/pupil-survey/class-survey.service';
import { workshopWorld } from './workshop-fixtures';

/**
 * Issue 19.2's world: workshopWorld (Campus Centrum: 5A of 22 and 5B of 20 pupils
 * by lies@school.be; Campus Noord: 6A of 18 and 6B of 19 by tom@school.be) whose
 * campaign asks pupils two questions. Freeze the clock before opening anything.
 */
export async function pupilWorld(db: Kysely<Database>, opts: { beforeAfter?: boolean } = {}) {
	const w = await workshopWorld(db);
	const campaignId = (await db.selectFrom('editions').select('campaignId').where('id', '=', w.editionId).executeTakeFirstOrThrow()).campaignId;
	if (opts.beforeAfter) await db.updateTable('campaigns').set({ pupilBeforeAfter: 1 }).where('id', '=', campaignId).execute();
	const questions = [
		await addQuestion(db, w.coordinator, campaignId, { textNl: 'Ik weet waar ik hulp kan vragen.', textEn: 'I know where to get help.' }, 'pupil'),
		await addQuestion(
			db,
			w.coordinator,
			campaignId,
			{ textNl: 'Ik zou reageren als een klasgenoot gepest wordt.', textEn: 'I would react if a classmate is bullied.' },
			'pupil'
		)
	];
	return { ...w, campaignId, questions };
}

export type PupilWorld = Awaited<ReturnType<typeof pupilWorld>>;

/** The stored code of a class's questionnaire at a moment. */
export const surveyCode = async (db: Kysely<Database>, classId: number, moment: 'before' | 'after' = 'after') =>
	(await db.selectFrom('pupilSurveys').select('code').where('classId', '=', classId).where('moment', '=', moment).executeTakeFirstOrThrow()).code;

/**
 * Opens the class's questionnaire and lets `scores.length` pupils answer it, each
 * on their own device, each giving the same score to every question; `close`
 * closes it afterwards (the figures count only closed questionnaires).
 */
export async function answersFrom(
	db: Kysely<Database>,
	w: PupilWorld,
	teacher: PupilWorld['centrum']['teacher'],
	classId: number,
	scores: number[],
	opts: { moment?: 'before' | 'after'; close?: boolean } = {}
) {
	const moment = opts.moment ?? 'after';
	await openSurvey(db, teacher, classId, moment, 45);
	const code = await surveyCode(db, classId, moment);
	for (const [i, score] of scores.entries()) {
		await answerQuestionnaire(
			db,
			code,
			`device-${classId}-${moment}-${i}-abcdefghijklmnop`,
			Object.fromEntries(w.questions.map((q) => [`q${q}`, String(score)]))
		);
	}
	if (opts.close !== false) {
		const { closeSurvey } = await import('../../../src/lib/server/pupil-survey/class-survey.service');
		await closeSurvey(db, teacher, classId, moment);
	}
	return code;
}
