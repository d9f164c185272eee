import { error, redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { findEditionById } from '$lib/server/campaigns/edition.repository';
import { campusListPage } from '$lib/server/campuses/campus-list.service';
import { findCampusById } from '$lib/server/campuses/campus.repository';
import { failFromError, formValues, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { prefillOrder, saveOrder } from '$lib/server/kits/kit-order.service';
import { pageParams } from '$lib/server/pagination';
import { kitOrderSchema, orderLines } from '$lib/schemas/kit-order';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** A coordinator orders for a campus: search and choose it (?campus=ID), then the order form (its open order when it has one). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const edition = await findEditionById(db, Number(params.id));
	if (!edition) error(404);
	const editionRef = { id: edition.id, name: edition.name };
	const campusId = Number(url.searchParams.get('campus'));
	if (Number.isInteger(campusId) && campusId > 0) {
		const campus = await findCampusById(db, campusId);
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
		let orderId: number;
		try {
			orderId = await saveOrder(locals.db, locals.user!, { ...parsed.data, editionId: Number(params.id), lines }, getLocale());
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/orders/${orderId}`);
	}
};
