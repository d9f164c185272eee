import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { classForViewer, enrolFormData } from '$lib/server/enrolments/enrol-form.service';
import { updateClassDetails, withdrawClass } from '$lib/server/enrolments/enrolment.service';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { confirmedAction } from '$lib/server/http/confirm';
import { nullIfNotFound } from '$lib/server/errors';
import { classWithParticipationSchema } from '$lib/schemas/participation';
import * as m from '$lib/paraglide/messages';
import { workshopsOfClasses } from '$lib/server/workshops/teachers/teacher-workshop.service';
import { getLocale } from '$lib/paraglide/runtime';
import { classCertificateEligible } from '$lib/server/certificates/certificate-download';
import { maxPupilNames } from '$lib/server/certificates/pupil-names';
import { classEvaluation, submitEvaluation } from '$lib/server/evaluations/evaluation.service';
import { evaluationSchema } from '$lib/schemas/evaluation';
import { classSurveys, closeSurvey, openSurvey } from '$lib/server/pupil-survey/class-survey.service';
import { closeSurveySchema, openSurveySchema } from '$lib/schemas/pupil-survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const cls = await orHttpError(() => classForViewer(db, user, Number(params.id)));
	// classForViewer has checked that the class is at one of the teacher's campuses.
	const [form, workshops, certificates, evaluation, surveys] = await Promise.all([
		nullIfNotFound(enrolFormData(db, user, cls.editionId, [cls.campusId])),
		workshopsOfClasses(db, [cls.id]),
		classCertificateEligible(db, user, cls.id),
		classEvaluation(db, user, cls.id),
		classSurveys(db, user, cls.id)
	]);
	return {
		cls,
		grades: form?.grades ?? [cls.grade],
		saved: url.searchParams.has('saved'),
		workshops: workshops[cls.id] ?? [],
		certificates,
		maxPupilNames,
		evaluation,
		evaluated: url.searchParams.has('evaluated'),
		surveys,
		surveyNotice: url.searchParams.get('survey')
	};
};

export const actions: Actions = {
	update: formAction(classWithParticipationSchema, async (data, { locals, params }) => {
		await updateClassDetails(locals.db, locals.user!, Number(params.id), data, getLocale());
		redirect(303, `/teacher/classes/${params.id}?saved`);
	}),
	evaluate: formAction(evaluationSchema, async (data, { locals, params }) => {
		await submitEvaluation(locals.db, locals.user!, Number(params.id), data);
		redirect(303, `/teacher/classes/${params.id}?evaluated#evaluation`);
	}),
	openSurvey: formAction(openSurveySchema, async (data, { locals, params }) => {
		await openSurvey(locals.db, locals.user!, Number(params.id), data.moment, data.minutes);
		redirect(303, `/teacher/classes/${params.id}?survey=opened#questionnaire`);
	}),
	closeSurvey: formAction(closeSurveySchema, async (data, { locals, params }) => {
		await closeSurvey(locals.db, locals.user!, Number(params.id), data.moment);
		redirect(303, `/teacher/classes/${params.id}?survey=closed#questionnaire`);
	}),
	// Only with the tick of its confirmation: a post without it withdraws nothing.
	withdraw: confirmedAction(m.enrol_withdraw_error_confirm, async ({ locals, params }) => {
		const cls = await classForViewer(locals.db, locals.user!, Number(params.id));
		await withdrawClass(locals.db, locals.user!, cls.id);
		redirect(303, `/teacher?${new URLSearchParams({ notice: 'withdrawn', name: cls.name })}`);
	})
};
