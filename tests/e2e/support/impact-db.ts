import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * Pupil answers for the impact spec (issue 19.3), written straight into the e2e
 * database: the questionnaire's own page is proven by the pupil-survey specs, and
 * a closed questionnaire's answers are kept as tallies (score → number of
 * answers), which is what the figures read. Last year's demo edition gets two
 * pupil questions and three closed questionnaires:
 *   Campus Centrum 1A (Robin's workshop) 12 × 4 · Campus Centrum 2A (Noor's) 3 × 1
 *   Campus Stationsplein 1A (Sami and Jelle's) 11 × 2
 */
const file = fileURLToPath(new URL('../../../.e2e/app.sqlite', import.meta.url));
const past = { openedAt: '2026-05-12 08:00:00.000', closesAt: '2026-05-12 09:00:00.000' };

// The demo's archived edition is the one with the most classes: other specs archive small editions of their own, some of a later year.
export function seedPupilAnswers(): { editionId: number; upcomingId: number; editionName: string } {
	const db = new Database(file, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		const edition = db
			.prepare(
				"select id, name, campaign_id as campaignId from editions e where status = 'archived' order by (select count(*) from classes c where c.edition_id = e.id) desc, year desc limit 1"
			)
			.get() as {
			id: number;
			name: string;
			campaignId: number;
		};
		const upcoming = db
			.prepare("select id from editions where status = 'published' and campaign_id = ? order by year desc limit 1")
			.get(edition.campaignId) as {
			id: number;
		};
		const coordinator = (db.prepare("select id from users where email = 'coordinator@example.org'").get() as { id: number }).id;
		const now = '2026-05-01 08:00:00.000';
		const question = db.prepare(
			"insert into campaign_questions (campaign_id, audience, kind, position, text_nl, text_en, active, created_at, updated_at) values (?, 'pupil', 'scale', ?, ?, ?, 1, ?, ?)"
		);
		const questions = [
			Number(question.run(edition.campaignId, 1, 'Ik weet waar ik hulp kan vragen.', 'I know where to get help.', now, now).lastInsertRowid),
			Number(
				question.run(edition.campaignId, 2, 'Ik zou reageren als een klasgenoot gepest wordt.', 'I would react if a classmate is bullied.', now, now)
					.lastInsertRowid
			)
		];
		const classId = (campus: string, name: string) =>
			(
				db
					.prepare('select c.id from classes c join campuses p on p.id = c.campus_id where c.edition_id = ? and p.name = ? and c.name = ?')
					.get(edition.id, campus, name) as { id: number }
			).id;
		const survey = db.prepare("insert into pupil_surveys (class_id, moment, code, opened_at, closes_at, opened_by) values (?, 'after', ?, ?, ?, ?)");
		const tally = db.prepare('insert into pupil_score_tallies (survey_id, question_id, score, answers) values (?, ?, ?, ?)');
		for (const [campus, name, score, answers] of [
			['Campus Centrum', '1A', 4, 12],
			['Campus Centrum', '2A', 1, 3],
			['Campus Stationsplein', '1A', 2, 11]
		] as const) {
			const code = randomBytes(8).toString('hex').slice(0, 8).toUpperCase();
			const surveyId = Number(survey.run(classId(campus, name), code, past.openedAt, past.closesAt, coordinator).lastInsertRowid);
			for (const q of questions) tally.run(surveyId, q, score, answers);
		}
		return { editionId: edition.id, upcomingId: upcoming.id, editionName: edition.name };
	} finally {
		db.close();
	}
}

/** After the spec: the pupil questions it added are no longer asked (answered, so never deleted), as the demo had it. */
export function retirePupilQuestions(): void {
	const db = new Database(file, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		db.prepare("update campaign_questions set active = null where audience = 'pupil'").run();
	} finally {
		db.close();
	}
}
