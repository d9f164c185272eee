import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { optionalText, requiredText } from './fields';

/**
 * The forms of issue 19.1: a coordinator's campaign questions and a teacher's
 * evaluation of a class's workshop. Client-safe.
 */
const questionId = z.coerce.number().int().positive();

export const questionSchema = z.object({ textNl: requiredText(limits.questionText), textEn: requiredText(limits.questionText) });
export type QuestionInput = z.output<typeof questionSchema>;

/** Whose questions a form changes: the teachers' evaluation (the default) or the pupils' questionnaire (issue 19.2). */
const audience = z.enum(['teacher', 'pupil']).optional().default('teacher');

export const questionAddSchema = questionSchema.extend({ audience });
export const questionEditSchema = questionSchema.extend({ questionId, audience });
export const questionMoveSchema = z.object({ questionId, direction: z.enum(['up', 'down']), audience });
export const questionActiveSchema = z.object({ questionId, active: z.enum(['0', '1']).transform((v) => v === '1'), audience });
/** Whether the pupils answer the same questions before and after the workshop (a ticked box posts "1"). */
export const pupilMomentsSchema = z.object({
	beforeAfter: z
		.enum(['1'])
		.optional()
		.transform((v) => v === '1')
});

/** A question's radio group posts "score_<question id>" = "1" … "5". */
export const scoreField = (questionId: number) => `score_${questionId}`;
const scoreKey = /^score_(\d{1,10})$/;

/**
 * The scores arrive as one field per question (the questions are the campaign's,
 * so the schema cannot name them): each present one must be 1 to 5. The form
 * also posts the ids it asked ("asked"), so every unanswered question gets its
 * own message at once; the service still checks against the questions it knows.
 */
export const evaluationSchema = z
	.looseObject({
		asked: z
			.string()
			.optional()
			.transform((v) => (v && /^\d{1,10}(,\d{1,10})*$/.test(v) ? v.split(',').map(Number) : [])),
		remark: optionalText(limits.evaluationRemark),
		// A ticked checkbox posts "1"; unticked, nothing.
		shareName: z
			.enum(['1'])
			.optional()
			.transform((v) => v === '1'),
		// Issue 19.4: the remark may go, without a name, into the council report.
		shareRemark: z
			.enum(['1'])
			.optional()
			.transform((v) => v === '1')
	})
	.superRefine((form, ctx) => {
		for (const [key, value] of Object.entries(form))
			if (scoreKey.test(key) && !(typeof value === 'string' && /^[1-5]$/.test(value))) ctx.addIssue({ code: 'custom', path: [key], message: m.tev_v_score() });
		for (const id of form.asked) if (!(scoreField(id) in form)) ctx.addIssue({ code: 'custom', path: [scoreField(id)], message: m.tev_v_score() });
	})
	.transform((form) => ({
		remark: form.remark,
		shareName: form.shareName,
		shareRemark: form.shareRemark,
		scores: Object.fromEntries(
			Object.entries(form)
				.filter(([key]) => scoreKey.test(key))
				.map(([key, value]) => [Number(key.slice('score_'.length)), Number(value)])
		) as Record<number, number>
	}));
export type EvaluationInput = z.output<typeof evaluationSchema>;
