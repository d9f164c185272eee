import type { Generated } from 'kysely';
import type { DbTime } from '../time';

/** Campaign questions and the teachers' evaluations of a class's workshop (issue 19). */
export type QuestionAudience = 'teacher' | 'pupil';
export type QuestionKind = 'scale';

export interface CampaignQuestionsTable {
	id: Generated<number>;
	campaignId: number;
	/** Who answers: 'teacher' (issue 19.1); 'pupil' is for the later questionnaire. */
	audience: QuestionAudience;
	/** 'scale': a score from 1 to 5. */
	kind: Generated<QuestionKind>;
	/** Order within the campaign and audience; gaps are allowed. */
	position: number;
	textNl: string;
	textEn: string;
	/** 1 while asked, NULL once deactivated (answered questions are never deleted). */
	active: 1 | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface ClassEvaluationsTable {
	id: Generated<number>;
	/** One evaluation per class (unique). */
	classId: number;
	answeredBy: number;
	remark: string | null;
	/** 1: the workshop's trainers may see the teacher's name. */
	shareName: 0 | 1;
	/** 1: the remark may appear, without any name, in the council report (issue 19.4). */
	shareRemark: Generated<0 | 1>;
	/** The first submission: the evaluation can be changed until a week after it. */
	submittedAt: DbTime;
	updatedAt: DbTime;
}

export interface ClassEvaluationScoresTable {
	evaluationId: number;
	questionId: number;
	/** 1 to 5. */
	score: number;
}
