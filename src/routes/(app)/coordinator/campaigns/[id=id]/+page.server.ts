import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campaignDetail, updateCampaign } from '$lib/server/campaigns/campaign.service';
import {
	addQuestion,
	moveQuestion,
	pupilQuestions,
	setPupilBeforeAfter,
	setQuestionActive,
	teacherQuestions,
	updateQuestionText
} from '$lib/server/evaluations/questions.service';
import { formAction } from '$lib/server/http/form-action';
import * as m from '$lib/paraglide/messages';
import { campaignSchema } from '$lib/schemas/campaign';
import { pupilMomentsSchema, questionActiveSchema, questionAddSchema, questionEditSchema, questionMoveSchema } from '$lib/schemas/evaluation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const id = Number(params.id);
	const [detail, questions, pupils] = await Promise.all([campaignDetail(locals.db, id), teacherQuestions(locals.db, id), pupilQuestions(locals.db, id)]);
	if (!detail) error(404, m.error_not_found());
	return { ...detail, questions, pupilQuestions: pupils, created: url.searchParams.has('created') };
};

// The question forms answer { questionsSaved: audience }, so the page says so beside those questions, not at the campaign form.
export const actions: Actions = {
	update: formAction(campaignSchema, async (data, { locals, params }) => {
		await updateCampaign(locals.db, locals.user!, Number(params.id), data);
		return { saved: true };
	}),
	addQuestion: formAction(questionAddSchema, async ({ audience, ...text }, { locals, params }) => {
		await addQuestion(locals.db, locals.user!, Number(params.id), text, audience);
		return { questionsSaved: audience };
	}),
	saveQuestion: formAction(questionEditSchema, async ({ questionId, audience, ...text }, { locals, params }) => {
		await updateQuestionText(locals.db, locals.user!, Number(params.id), questionId, text, audience);
		return { questionsSaved: audience };
	}),
	moveQuestion: formAction(questionMoveSchema, async (data, { locals, params }) => {
		await moveQuestion(locals.db, locals.user!, Number(params.id), data.questionId, data.direction, data.audience);
		return { questionsSaved: data.audience };
	}),
	questionActive: formAction(questionActiveSchema, async (data, { locals, params }) => {
		await setQuestionActive(locals.db, locals.user!, Number(params.id), data.questionId, data.active, data.audience);
		return { questionsSaved: data.audience };
	}),
	pupilMoments: formAction(pupilMomentsSchema, async (data, { locals, params }) => {
		await setPupilBeforeAfter(locals.db, locals.user!, Number(params.id), data.beforeAfter);
		return { questionsSaved: 'pupil' as const };
	})
};
