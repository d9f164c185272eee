import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campaignDetail, updateCampaign } from '$lib/server/campaigns/campaign.service';
import { addQuestion, moveQuestion, setQuestionActive, teacherQuestions, updateQuestionText } from '$lib/server/evaluations/questions.service';
import { formAction } from '$lib/server/http/form-action';
import * as m from '$lib/paraglide/messages';
import { campaignSchema } from '$lib/schemas/campaign';
import { questionActiveSchema, questionEditSchema, questionMoveSchema, questionSchema } from '$lib/schemas/evaluation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const [detail, questions] = await Promise.all([campaignDetail(locals.db, Number(params.id)), teacherQuestions(locals.db, Number(params.id))]);
	if (!detail) error(404, m.error_not_found());
	return { ...detail, questions, created: url.searchParams.has('created') };
};

// The question forms answer { questionsSaved }, so the page says so beside the questions, not at the campaign form.
export const actions: Actions = {
	update: formAction(campaignSchema, async (data, { locals, params }) => {
		await updateCampaign(locals.db, locals.user!, Number(params.id), data);
		return { saved: true };
	}),
	addQuestion: formAction(questionSchema, async (data, { locals, params }) => {
		await addQuestion(locals.db, locals.user!, Number(params.id), data);
		return { questionsSaved: true };
	}),
	saveQuestion: formAction(questionEditSchema, async ({ questionId, ...text }, { locals, params }) => {
		await updateQuestionText(locals.db, locals.user!, Number(params.id), questionId, text);
		return { questionsSaved: true };
	}),
	moveQuestion: formAction(questionMoveSchema, async (data, { locals, params }) => {
		await moveQuestion(locals.db, locals.user!, Number(params.id), data.questionId, data.direction);
		return { questionsSaved: true };
	}),
	questionActive: formAction(questionActiveSchema, async (data, { locals, params }) => {
		await setQuestionActive(locals.db, locals.user!, Number(params.id), data.questionId, data.active);
		return { questionsSaved: true };
	})
};
