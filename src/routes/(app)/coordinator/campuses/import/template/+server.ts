import { importTemplateCsv, templateFileName } from '$lib/server/campuses/campus-import/template';
import type { RequestHandler } from './$types';

/** The import template: a header row and two example rows, as Belgian Excel opens it. */
export const GET: RequestHandler = () =>
	new Response(importTemplateCsv(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${templateFileName}"`,
			'cache-control': 'no-store'
		}
	});
