import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { assertTeachesAt } from '../auth/campus-access';
import { findEditionById } from '../campaigns/edition.repository';
import { publicOrigin } from '../config';
import type { Database, SurveyMoment } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { addMs, clock, days, fromDbTime, minutes, toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { findClassById, findClassForUpdate } from '../enrolments/class.repository';
import { listActiveQuestionsOfEdition } from '../evaluations/questions.repository';
import { qrPath } from './qr-path';
import { formatSurveyCode, newSurveyCode } from './survey-code';
import * as repo from './survey.repository';

/** How long a teacher may open the questionnaire at once, in minutes (the choices of the form). */
export const surveyDurations = [20, 45, 90, 240] as const;

export const surveyLink = (code: string) => `${publicOrigin()}/q/${formatSurveyCode(code)}`;

/** The class (locked: two opens of one questionnaire are decided one at a time), if the actor enrolled it and still works at its campus. */
async function ownClass(db: Kysely<Database>, actor: Actor, classId: number) {
	const cls = await findClassForUpdate(db, classId);
	if (!cls) throw new NotFoundError();
	if (cls.enrolledBy !== actor.id) throw new ForbiddenError('error_not_your_class');
	await assertTeachesAt(db, actor.id, cls.campusId);
	const edition = await findEditionById(db, cls.editionId);
	if (!edition) throw new NotFoundError();
	return { cls, edition };
}

async function momentsOf(db: Kysely<Database>, campaignId: number): Promise<SurveyMoment[]> {
	return (await repo.asksBeforeAndAfter(db, campaignId)) ? ['before', 'after'] : ['after'];
}

/**
 * The pupils' questionnaire on a class's page (issue 19.2): per moment, whether
 * it was never opened, is open (with its link and QR code) or closed, and how many
 * pupils answered. Null when the campaign asks pupils nothing, or for someone
 * else's class (colleagues see the class, not its questionnaire).
 */
export async function classSurveys(db: Kysely<Database>, actor: Actor, classId: number) {
	const cls = await findClassById(db, classId);
	if (!cls || cls.enrolledBy !== actor.id || cls.status !== 'enrolled') return null;
	const edition = await findEditionById(db, cls.editionId);
	if (!edition || edition.status !== 'published') return null;
	const questions = await listActiveQuestionsOfEdition(db, edition.id, 'pupil');
	if (questions.length === 0) return null;
	const [moments, surveys] = await Promise.all([momentsOf(db, edition.campaignId), repo.listSurveysOfClass(db, classId)]);
	const now = clock.now();
	return {
		questions: questions.length,
		pupils: cls.pupilCount,
		/** Where a pupil types the code instead: this site's /q page. */
		codePage: `${publicOrigin()}/q`,
		durations: [...surveyDurations],
		moments: moments.map((moment) => {
			const s = surveys.find((x) => x.moment === moment);
			if (!s) return { moment, state: 'never' as const, answers: 0 };
			const answers = Number(s.answers);
			const closesAt = fromDbTime(s.closesAt);
			if (now >= closesAt) return { moment, state: 'closed' as const, answers, closesAt, reopenable: answers === 0 };
			const url = surveyLink(s.code);
			return { moment, state: 'open' as const, answers, closesAt, code: formatSurveyCode(s.code), url, qr: qrPath(url) };
		})
	};
}

/**
 * Opens the questionnaire of a class for a while, or keeps an open one open
 * longer. A closed questionnaire that has answers stays closed: reopened, its
 * figures would change by the answers of a few pupils, and comparing the two
 * would show what those few answered.
 */
export async function openSurvey(db: Kysely<Database>, actor: Actor, classId: number, moment: SurveyMoment, forMinutes: number): Promise<void> {
	if (!surveyDurations.includes(forMinutes as (typeof surveyDurations)[number])) throw new ValidationError('v_choose_option', 'minutes');
	await withTransaction(db, async (trx) => {
		const { cls, edition } = await ownClass(trx, actor, classId);
		if (cls.status !== 'enrolled' || edition.status !== 'published') throw new ValidationError('pq_error_class_not_enrolled');
		if ((await listActiveQuestionsOfEdition(trx, edition.id, 'pupil')).length === 0) throw new ValidationError('pq_error_no_questions');
		if (!(await momentsOf(trx, edition.campaignId)).includes(moment)) throw new ValidationError('v_choose_option', 'moment');
		const now = clock.now();
		const closesAt = toDbTime(addMs(now, minutes(forMinutes)));
		const existing = await repo.findSurveyOfClass(trx, classId, moment);
		if (!existing) {
			await insertWithFreshCode(trx, { classId, moment, openedAt: toDbTime(now), closesAt, openedBy: actor.id });
		} else if (now < fromDbTime(existing.closesAt)) {
			await repo.setSurveyWindow(trx, existing.id, { closesAt });
			await repo.setMarksExpiry(trx, existing.id, toDbTime(addMs(fromDbTime(closesAt), days(1))));
		} else {
			if ((await repo.countAnswers(trx, existing.id)) > 0) throw new ValidationError('pq_error_reopen');
			await repo.setSurveyWindow(trx, existing.id, { openedAt: toDbTime(now), closesAt });
		}
		await audit(trx, { actorId: actor.id, action: 'pupil_survey.opened', entityType: 'class', entityId: classId, after: { moment, minutes: forMinutes } });
	});
}

/** Closes the questionnaire now: no more answers; the figures may count it from here. */
export async function closeSurvey(db: Kysely<Database>, actor: Actor, classId: number, moment: SurveyMoment): Promise<void> {
	await withTransaction(db, async (trx) => {
		await ownClass(trx, actor, classId);
		const existing = await repo.findSurveyOfClass(trx, classId, moment);
		const now = toDbTime(clock.now());
		if (!existing || existing.closesAt <= now) return;
		await repo.setSurveyWindow(trx, existing.id, { closesAt: now });
		await audit(trx, { actorId: actor.id, action: 'pupil_survey.closed', entityType: 'class', entityId: classId, after: { moment } });
	});
}

async function insertWithFreshCode(trx: Kysely<Database>, row: Omit<Parameters<typeof repo.insertSurvey>[1], 'code'>) {
	// 40 bits: a clash is rare; another code is drawn when the unique key refuses one.
	for (let attempt = 0; ; attempt++) {
		try {
			return await repo.insertSurvey(trx, { ...row, code: newSurveyCode() });
		} catch (err) {
			if (!isUniqueViolation(err) || attempt >= 3) throw err;
		}
	}
}

export type ClassSurveys = NonNullable<Awaited<ReturnType<typeof classSurveys>>>;
