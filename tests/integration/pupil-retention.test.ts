import { beforeEach, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { audit } from '../../src/lib/server/audit/audit';
import { bundledMigrations, migrateToLatest } from '../../src/lib/server/db/migrate';
import { transitionEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import type { Database } from '../../src/lib/server/db/schema';
import { days, hours, nowDb } from '../../src/lib/server/db/time';
import { retireOldPupilAnswers } from '../../src/lib/server/pupil-survey/answer-retirement.service';
import { updatePupilDataSettings } from '../../src/lib/server/pupil-survey/pupil-data-settings.service';
import { applyRetention, applyRetentionIfDue } from '../../src/lib/server/retention/retention.service';
import { retentionOverview } from '../../src/lib/server/retention/retention-settings.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { answersFrom, pupilWorld, type PupilWorld } from './support/pupil-survey-fixtures';

/** Per questionnaire, question and score: raw answers plus tallies. What the retention pass must never change. */
async function totals(db: Kysely<Database>): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	const raw = await db
		.selectFrom('pupilAnswerScores')
		.innerJoin('pupilAnswers', 'pupilAnswers.id', 'pupilAnswerScores.answerId')
		.select(['pupilAnswers.surveyId', 'pupilAnswerScores.questionId', 'pupilAnswerScores.score'])
		.execute();
	for (const r of raw) out[`${r.surveyId}:${r.questionId}:${r.score}`] = (out[`${r.surveyId}:${r.questionId}:${r.score}`] ?? 0) + 1;
	for (const t of await db.selectFrom('pupilScoreTallies').selectAll().execute())
		out[`${t.surveyId}:${t.questionId}:${t.score}`] = (out[`${t.surveyId}:${t.questionId}:${t.score}`] ?? 0) + t.answers;
	return out;
}

/** Per questionnaire: raw answers plus retired answers (how the figures count a questionnaire's answers). */
async function answerCounts(db: Kysely<Database>): Promise<Record<number, number>> {
	const out: Record<number, number> = {};
	for (const s of await db.selectFrom('pupilSurveys').select(['id', 'retiredAnswers']).execute()) out[s.id] = s.retiredAnswers;
	for (const a of await db.selectFrom('pupilAnswers').select('surveyId').execute()) out[a.surveyId]++;
	return out;
}

const rawAnswers = async (db: Kysely<Database>) => (await db.selectFrom('pupilAnswers').select('id').execute()).length;

describeEachDatabase('retention of pupil answers', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 4 });
	let w: PupilWorld;
	let move: (ms: number) => Date;

	beforeEach(async () => {
		move = freezeClock('2027-05-12T09:00:00Z');
		w = await pupilWorld(ctx.db);
	});

	/** Two closed questionnaires with answers; returns the survey ids. */
	async function answered() {
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[0], [1, 2, 2, 5, 5, 5]);
		await answersFrom(ctx.db, w, w.noord.teacher, w.noord.classIds[0], [3, 3, 4]);
		return (await ctx.db.selectFrom('pupilSurveys').select('id').orderBy('id').execute()).map((s) => s.id);
	}

	it('folds raw answers into tallies only once the edition has been archived for the period, never losing a count, and a rerun does nothing', async () => {
		const [centrum, noord] = await answered();
		// An earlier fold of the same questionnaire left counts: they are added to, not replaced.
		await ctx.db.insertInto('pupilScoreTallies').values({ surveyId: centrum, questionId: w.questions[0], score: 5, answers: 2 }).execute();
		await ctx.db.updateTable('pupilSurveys').set({ retiredAnswers: 2 }).where('id', '=', centrum).execute();
		const before = await totals(ctx.db);
		const countsBefore = await answerCounts(ctx.db);
		expect(countsBefore).toEqual({ [centrum]: 8, [noord]: 3 });

		// A published edition keeps its raw answers, however old.
		expect(await retireOldPupilAnswers(ctx.db, move(days(400)), 0)).toMatchObject({ pupilAnswersRetired: 0, pupilSurveysFolded: 0 });
		expect(await rawAnswers(ctx.db)).toBe(9);
		move(-days(400));

		await transitionEdition(ctx.db, w.coordinator, w.editionId, 'archive');
		const archivedAt = (await ctx.db.selectFrom('editions').select('archivedAt').where('id', '=', w.editionId).executeTakeFirstOrThrow()).archivedAt;
		expect(archivedAt).toBe(nowDb());

		// 29 days after archiving (default period 30): nothing yet.
		expect(await applyRetention(ctx.db, move(days(29)))).toMatchObject({ pupilAnswersRetired: 0 });
		expect(await rawAnswers(ctx.db)).toBe(9);

		const counts = await applyRetention(ctx.db, move(days(2)));
		expect(counts).toMatchObject({ pupilAnswersRetired: 9, pupilSurveysFolded: 2 });
		expect(await rawAnswers(ctx.db)).toBe(0);
		expect(await ctx.db.selectFrom('pupilAnswerScores').selectAll().execute()).toEqual([]);
		expect(await totals(ctx.db)).toEqual(before);
		expect(await answerCounts(ctx.db)).toEqual(countsBefore);
		const tally = (surveyId: number, score: number) =>
			ctx.db
				.selectFrom('pupilScoreTallies')
				.select('answers')
				.where('surveyId', '=', surveyId)
				.where('questionId', '=', w.questions[0])
				.where('score', '=', score)
				.executeTakeFirst();
		expect(await tally(centrum, 5)).toEqual({ answers: 5 });
		expect(await tally(noord, 3)).toEqual({ answers: 2 });
		expect(await tally(noord, 1)).toBeUndefined();

		// Again, later: nothing to fold, nothing changes.
		expect(await applyRetention(ctx.db, move(days(10)))).toMatchObject({ pupilAnswersRetired: 0, pupilSurveysFolded: 0 });
		expect(await totals(ctx.db)).toEqual(before);
		expect(await answerCounts(ctx.db)).toEqual(countsBefore);
	});

	it('waits for a questionnaire that is still open, follows the period set, and deletes device marks a day after closing', async () => {
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[0], [4, 4, 4, 4]);
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[1], [2, 3], { close: false });
		const marks = async () => (await ctx.db.selectFrom('pupilDeviceMarks').select('surveyId').execute()).length;
		expect(await marks()).toBe(6);
		await updatePupilDataSettings(ctx.db, w.coordinator, { rawAnswerDays: 0, minGroup: 10 });
		await transitionEdition(ctx.db, w.coordinator, w.editionId, 'archive');

		// The second class's questionnaire is open for another 45 minutes: its answers and marks stay.
		const first = await retireOldPupilAnswers(ctx.db, move(1000), 0);
		expect(first).toEqual({ pupilAnswersRetired: 4, pupilSurveysFolded: 1, deviceMarksDeleted: 0 });
		expect(await rawAnswers(ctx.db)).toBe(2);

		const second = await retireOldPupilAnswers(ctx.db, move(hours(1)), 0);
		expect(second).toEqual({ pupilAnswersRetired: 2, pupilSurveysFolded: 1, deviceMarksDeleted: 0 });
		// Marks go a day after their questionnaire closed, and only then.
		expect(await retireOldPupilAnswers(ctx.db, move(days(1)), 0)).toMatchObject({ deviceMarksDeleted: 6 });
		expect(await marks()).toBe(0);
	});

	it('counts an edition archived without archived_at from its last change, and records what it did as the daily job', async () => {
		await answersFrom(ctx.db, w, w.centrum.teacher, w.centrum.classIds[0], [3, 3, 3]);
		// As the demo seed does: archived directly, no archived_at.
		await ctx.db.updateTable('editions').set({ status: 'archived', updatedAt: nowDb() }).where('id', '=', w.editionId).execute();

		// The marks went a day after the questionnaire closed; the answers wait for the period.
		expect(await applyRetentionIfDue(ctx.db, move(days(20)))).toMatchObject({ pupilAnswersRetired: 0, deviceMarksDeleted: 3 });
		// Not due again the same day; the next day's pass, 31 days after the change, folds.
		expect(await applyRetentionIfDue(ctx.db, move(hours(2)))).toBeNull();
		expect(await applyRetentionIfDue(ctx.db, move(days(11)))).toMatchObject({ pupilAnswersRetired: 3, pupilSurveysFolded: 1, deviceMarksDeleted: 0 });

		const overview = await retentionOverview(ctx.db, w.coordinator);
		expect(overview.counts).toMatchObject({ pupilAnswersRetired: 3, pupilSurveysFolded: 1 });
		const entry = await ctx.db
			.selectFrom('auditLog')
			.select('afterJson')
			.where('action', '=', 'retention.applied')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(entry.afterJson!)).toMatchObject({ pupilAnswersRetired: 3, pupilSurveysFolded: 1, pupilAnswerDays: 30 });
	});

	it('backfills archived_at of editions archived before it existed: the audit entry’s time, else updated_at', async () => {
		const editionRow = () => ctx.db.selectFrom('editions').select(['archivedAt', 'updatedAt']).where('id', '=', w.editionId).executeTakeFirstOrThrow();
		const rerunBackfill = async () => {
			const { error } = await new Migrator({ db: ctx.db, provider: bundledMigrations() }).migrateTo('2026-12-08T0300_add_edition_archived_at');
			expect(error).toBeUndefined();
			await migrateToLatest(ctx.db, bundledMigrations());
		};
		const archivedWhen = nowDb();
		await audit(ctx.db, { actorId: null, action: 'edition.archived', entityType: 'edition', entityId: w.editionId });
		move(days(3));
		await ctx.db.updateTable('editions').set({ status: 'archived', updatedAt: nowDb(), archivedAt: null }).where('id', '=', w.editionId).execute();
		await rerunBackfill();
		expect((await editionRow()).archivedAt).toBe(archivedWhen);

		await ctx.db.deleteFrom('auditLog').execute();
		await ctx.db.updateTable('editions').set({ archivedAt: null }).execute();
		await rerunBackfill();
		const row = await editionRow();
		expect(row.archivedAt).toBe(row.updatedAt);
	});
});
