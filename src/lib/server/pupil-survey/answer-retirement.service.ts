import type { Kysely } from 'kysely';
import { subDays } from 'date-fns';
import type { Database } from '../db/schema';
import { toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import * as repo from './answer-retirement.repository';
import { deleteExpiredMarks, lockSurvey } from './survey.repository';

/** What one pass did to the pupils' questionnaire data (part of the retention pass's counts). */
export interface PupilRetentionCounts {
	/** Raw answers folded into their questionnaire's tallies and deleted. */
	pupilAnswersRetired: number;
	pupilSurveysFolded: number;
	/** One-device marks whose questionnaire closed more than a day ago. */
	deviceMarksDeleted: number;
}

const batchSize = 100;

/**
 * Issue 19.5: raw pupil answers are kept as counts once their edition has been
 * archived for `days` days. Per questionnaire, in one transaction that holds its
 * lock: the scores are counted per question and score, the answers deleted, the
 * counts added to pupil_score_tallies (new rows inserted, existing ones raised:
 * portable, no upsert) and the number of deleted answers added to
 * retired_answers. Tallies plus remaining raw answers always equal what there
 * was; a questionnaire without raw answers is never touched again, so a second
 * pass does nothing. Still-open questionnaires wait: their capacity check counts
 * raw answers.
 */
export async function retireOldPupilAnswers(db: Kysely<Database>, now: Date, days: number): Promise<PupilRetentionCounts> {
	const counts: PupilRetentionCounts = { pupilAnswersRetired: 0, pupilSurveysFolded: 0, deviceMarksDeleted: 0 };
	const cutoff = toDbTime(subDays(now, days));
	for (;;) {
		const batch = await repo.listSurveysToRetire(db, cutoff, toDbTime(now), batchSize);
		if (batch.length === 0) break;
		for (const { id } of batch) {
			const retired = await withTransaction(db, (trx) => foldSurvey(trx, id));
			counts.pupilAnswersRetired += retired;
			if (retired > 0) counts.pupilSurveysFolded++;
		}
		if (batch.length < batchSize) break;
	}
	counts.deviceMarksDeleted = Number((await deleteExpiredMarks(db, toDbTime(now))).numDeletedRows);
	return counts;
}

async function foldSurvey(trx: Kysely<Database>, surveyId: number): Promise<number> {
	if (!(await lockSurvey(trx, surveyId))) return 0;
	const raw = await repo.countRawScores(trx, surveyId);
	const retired = await repo.deleteRawAnswers(trx, surveyId);
	if (retired === 0) return 0;
	const existing = new Set((await repo.listTallies(trx, surveyId)).map((t) => `${t.questionId}:${t.score}`));
	const fresh = raw.filter((r) => !existing.has(`${r.questionId}:${r.score}`));
	for (const r of raw.filter((x) => existing.has(`${x.questionId}:${x.score}`)))
		await repo.addToTally(trx, { surveyId, questionId: r.questionId, score: r.score }, r.answers);
	if (fresh.length > 0)
		await repo.insertTallies(
			trx,
			fresh.map((r) => ({ surveyId, ...r }))
		);
	await repo.addRetiredAnswers(trx, surveyId, retired);
	return retired;
}
