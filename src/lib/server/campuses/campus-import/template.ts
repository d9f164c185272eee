import { stringify } from 'csv-stringify/sync';
import type { Download } from '../../http/download';
import { importColumns } from './parse';

export const templateFileName = 'campussen-sjabloon.csv';

/** Two campuses of one invented school: one row per campus, the school repeated. */
const examples = [
	[
		'126847',
		'Sint-Jozefscollège',
		'Campus Centrum',
		'Grote Markt 1',
		'1234',
		'Voorbeeldstad',
		'kleuter,lager',
		'Els Peeters',
		'els.peeters@example.org',
		'056 12 34 56'
	],
	['126847', 'Sint-Jozefscollège', 'Campus Overleie', 'Overleiestraat 55', '1234', 'Voorbeeldstad', 'secundair', '', '', '']
];

/** The template as Belgian Excel opens it: UTF-8 with BOM, ";" between cells, CRLF. */
export function importTemplateCsv(): string {
	return '\uFEFF' + stringify([[...importColumns], ...examples], { delimiter: ';', record_delimiter: '\r\n' });
}

/** The template as a download, never cached. */
export function importTemplateDownload(): Download {
	return { filename: templateFileName, contentType: 'text/csv; charset=utf-8', body: importTemplateCsv(), cacheControl: 'no-store' };
}
