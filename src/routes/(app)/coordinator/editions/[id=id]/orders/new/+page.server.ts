import { error, redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campusListPage } from '$lib/server/campuses/campus-list.service';
import { formValues, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { orderCampus, orderEdition, prefillOrder, saveOrder } from '$lib/server/kits/kit-order.service';
import { pageParams } from '$lib/server/pagination';
import { kitOrderSchema, orderLines } from '$lib/schemas/kit-order';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** A coordinator orders for a campus: search and choose it (?campus=ID), then the order form (its open order when it has one). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const edition = await orderEdition(db, Number(params.id));
	if (!edition) error(404);
	const editionRef = { id: edition.id, name: edition.name };
	const campusId = Number(url.searchParams.get('campus'));
	if (Number.isInteger(campusId) && campusId > 0) {
		const campus = await orderCampus(db, campusId);
		if (!campus) error(404);
		const order = await orHttpError(() => prefillOrder(db, user, campus.id, edition.id));
		return { step: 'form' as const, edition: editionRef, campus: { id: campus.id, name: campus.name, schoolName: campus.schoolName }, order };
	}
	const campuses = await orHttpError(() => campusListPage(db, { search: url.searchParams.get('q') ?? '', ...pageParams(url, 20) }));
	return { step: 'campus' as const, edition: editionRef, campuses };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(kitOrderSchema, form);
		const { lines, errors } = orderLines(form);
		if (!parsed.ok || Object.keys(errors).length) return invalid(formValues(form), { ...(parsed.ok ? {} : parsed.errors), ...errors });
		return orFail(form, async () => {
			const orderId = await saveOrder(locals.db, locals.user!, { ...parsed.data, editionId: Number(params.id), lines }, getLocale());
			redirect(303, `/coordinator/orders/${orderId}`);
		});
	}
};
