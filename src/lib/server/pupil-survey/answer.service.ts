import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { addMs, clock, days, fromDbTime, toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, FieldRefusals, NotFoundError, ValidationError } from '../errors';
import { listActiveQuestionsOfEdition } from '../evaluations/questions.repository';
import { brusselsDateOf } from '../../time/brussels';
import { deviceMark, normaliseSurveyCode } from './survey-code';
import * as repo from './survey.repository';

export type QuestionnaireState = 'open' | 'closed' | 'answered' | 'full';

/** A pupil's score field per question: q12 = 1…5. */
export const scoreField = (questionId: number) => `q${questionId}`;

const isOpen = (s: { openedAt: string; closesAt: string; classStatus: string }, now: Date) =>
	s.classStatus === 'enrolled' && fromDbTime(s.openedAt) <= now && now < fromDbTime(s.closesAt);

async function surveyOf(db: Kysely<Database>, rawCode: string) {
	const code = normaliseSurveyCode(rawCode);
	const survey = code ? await repo.findSurveyByCode(db, code) : undefined;
	if (!survey) throw new NotFoundError('pq_unknown');
	return survey;
}

/**
 * What a pupil's phone shows for a code: the questions while the questionnaire is
 * open and this device has not answered; else why not. Only the campaign, the
 * edition and the moment are named: not the class, its school or its teacher.
 */
export async function questionnaireFor(db: Kysely<Database>, rawCode: string, deviceId: string | null, locale: string) {
	const survey = await surveyOf(db, rawCode);
	const now = clock.now();
	const base = { campaign: survey.campaign, edition: survey.edition, moment: survey.moment, closesAt: fromDbTime(survey.closesAt) };
	if (!isOpen(survey, now)) return { ...base, state: 'closed' as QuestionnaireState, questions: [] };
	if (deviceId && (await repo.hasMark(db, survey.id, deviceMark(survey.id, deviceId))))
		return { ...base, state: 'answered' as QuestionnaireState, questions: [] };
	if ((await repo.countAnswers(db, survey.id)) >= survey.pupilCount) return { ...base, state: 'full' as QuestionnaireState, questions: [] };
	const questions = await listActiveQuestionsOfEdition(db, survey.editionId, 'pupil');
	return {
		...base,
		state: 'open' as QuestionnaireState,
		questions: questions.map((q) => ({ id: q.id, text: locale === 'en' ? q.textEn : q.textNl }))
	};
}

/**
 * Keeps one pupil's answer: every question scored 1 to 5, while the questionnaire
 * is open, once per device, and never more answers than the class has pupils.
 * The device's mark and the answer are written in one transaction but share
 * nothing: the answer holds its questionnaire, its day and its scores only.
 */
export async function answerQuestionnaire(db: Kysely<Database>, rawCode: string, deviceId: string, posted: Record<string, unknown>): Promise<void> {
	const survey = await surveyOf(db, rawCode);
	const questions = await listActiveQuestionsOfEdition(db, survey.editionId, 'pupil');
	const scores: { questionId: number; score: number }[] = [];
	const missing: Record<string, ValidationError> = {};
	for (const q of questions) {
		const raw = posted[scoreField(q.id)];
		const score = typeof raw === 'string' && /^[1-5]$/.test(raw) ? Number(raw) : null;
		if (score === null) missing[scoreField(q.id)] = new ValidationError('pq_v_choose', scoreField(q.id));
		else scores.push({ questionId: q.id, score });
	}
	if (questions.length === 0) throw new ValidationError('pq_closed');
	if (Object.keys(missing).length > 0) throw new FieldRefusals(missing);
	await withTransaction(db, async (trx) => {
		const locked = await repo.lockSurvey(trx, survey.id);
		const now = clock.now();
		if (!locked || !isOpen({ ...survey, closesAt: locked.closesAt }, now)) throw new ValidationError('pq_closed');
		if ((await repo.countAnswers(trx, survey.id)) >= survey.pupilCount) throw new ConflictError('pq_full');
		try {
			await repo.insertMark(trx, survey.id, deviceMark(survey.id, deviceId), toDbTime(addMs(fromDbTime(locked.closesAt), days(1))));
		} catch (err) {
			if (isUniqueViolation(err)) throw new ConflictError('pq_already');
			throw err;
		}
		await repo.insertAnswer(trx, survey.id, brusselsDateOf(now), scores);
	});
}
