import { fail, redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { analyseImport, maxImportBytes, maxImportMb } from '$lib/server/campuses/campus-import/analyse';
import { confirmImport, previewImport } from '$lib/server/campuses/campus-import/import.service';
import { isImportFileId, storeImportFile } from '$lib/server/campuses/campus-import/import-file-store';
import { fileErrorMessage, problemMessage } from '$lib/server/campuses/campus-import/problem-messages';
import { orFail } from '$lib/server/http/form-action';
import { pageParams } from '$lib/server/pagination';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const fileId = url.searchParams.get('file');
	if (fileId === null) return { preview: null, fileError: null };
	const preview = isImportFileId(fileId) ? await previewImport(locals.db, fileId, pageParams(url).page) : ({ ok: false, error: { code: 'expired' } } as const);
	if (!preview.ok) return { preview: null, fileError: fileErrorMessage(preview.error) };
	return {
		fileError: null,
		preview: { ...preview, rows: preview.rows.map((r) => ({ row: r.row, values: r.values, action: r.action, problems: r.problems.map(problemMessage) })) }
	};
};

const refuse = (message: string) => fail(400, { message });

export const actions: Actions = {
	upload: async ({ request }) => {
		// Refuse an oversized upload before reading it (the margin is the form's own overhead).
		if (Number(request.headers.get('content-length') ?? 0) > maxImportBytes + 64 * 1024)
			return refuse(fileErrorMessage({ code: 'too_large', maxMb: maxImportMb }));
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return refuse(fileErrorMessage({ code: 'no_file' }));
		if (file.size > maxImportBytes) return refuse(fileErrorMessage({ code: 'too_large', maxMb: maxImportMb }));
		const bytes = new Uint8Array(await file.arrayBuffer());
		// A file that cannot be previewed at all is refused here and never stored.
		const analysis = analyseImport(bytes);
		if (!analysis.ok) return refuse(fileErrorMessage(analysis.error));
		const fileId = await storeImportFile(bytes);
		redirect(303, `/coordinator/campuses/import?file=${fileId}`);
	},
	confirm: async ({ request, locals }) => {
		const form = await request.formData();
		const fileId = String(form.get('file') ?? '');
		if (!isImportFileId(fileId)) return refuse(fileErrorMessage({ code: 'expired' }));
		return orFail(form, async () => {
			const outcome = await confirmImport(locals.db, locals.user!, fileId);
			if (!outcome.ok) return refuse(fileErrorMessage(outcome.error));
			const c = outcome.counts;
			redirect(303, `/coordinator/campuses?imported=${c.rows}&schools=${c.schoolsCreated}&created=${c.campusesCreated}&updated=${c.campusesUpdated}`);
		});
	}
};
