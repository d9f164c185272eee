import { importTemplateDownload } from '$lib/server/campuses/campus-import/template';
import { downloadResponse } from '$lib/server/http/download-response';
import type { RequestHandler } from './$types';

/** The import template: a header row and two example rows, as Belgian Excel opens it. */
export const GET: RequestHandler = (event) => downloadResponse(event, async () => importTemplateDownload());
