import type { Locale } from '../db/schema';
import * as m from '../../paraglide/messages';
import { maxPupilNameLength, maxPupilNames, type PupilNamesError } from './pupil-names';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorText(e: PupilNamesError, locale: Locale): string {
	const o = { locale };
	switch (e.kind) {
		case 'empty':
			return m.cpdf_names_error_empty({}, o);
		case 'too_many':
			return m.cpdf_names_error_too_many({ count: e.count, max: maxPupilNames }, o);
		case 'too_long':
			return m.cpdf_names_error_too_long({ line: e.line, max: maxPupilNameLength }, o);
		case 'unprintable':
			return m.cpdf_names_error_unprintable({ line: e.line }, o);
	}
}

const style = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
h1{color:#6b2d8f;font-size:1.5rem}.errors{border-left:4px solid #b00020;background:#fdecef;padding:.5rem 1rem}
label{display:block;font-weight:600;margin-top:1rem}textarea,select{font:inherit;width:100%;box-sizing:border-box;padding:.4rem}
textarea{min-height:12rem}button{margin-top:1rem;font:inherit;padding:.5rem 1rem;background:#6b2d8f;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #e9b949;outline-offset:2px}`;

/**
 * The named-certificates form again, with what went wrong and the teacher's
 * input kept: answered to this request only (no-store), never logged.
 */
export function pupilNamesErrorPage(p: { locale: Locale; action: string; back: string; names: string; lang: Locale; errors: PupilNamesError[] }): Response {
	const o = { locale: p.locale };
	const t = (s: string) => escapeHtml(s);
	const option = (value: Locale, label: string) => `<option value="${value}"${p.lang === value ? ' selected' : ''}>${t(label)}</option>`;
	const body = `<!doctype html><html lang="${p.locale === 'en' ? 'en' : 'nl-BE'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(m.cpdf_names_error_title({}, o))}</title><style>${style}</style></head><body><main>
<h1>${t(m.cpdf_names_error_title({}, o))}</h1>
<div class="errors" id="names-errors" role="alert"><ul>${p.errors.map((e) => `<li>${t(errorText(e, p.locale))}</li>`).join('')}</ul></div>
<form method="post" action="${t(p.action)}">
<label for="names">${t(m.cpdf_names_label({}, o))}</label>
<p id="names-hint">${t(m.cpdf_names_hint({ max: maxPupilNames }, o))}</p>
<textarea id="names" name="names" aria-invalid="true" aria-describedby="names-errors names-hint" autocomplete="off" spellcheck="false">${t(p.names)}</textarea>
<label for="lang">${t(m.cpdf_names_language({}, o))}</label>
<select id="lang" name="lang">${option('nl', m.cpdf_lang_nl({}, o))}${option('en', m.cpdf_lang_en({}, o))}</select>
<button type="submit">${t(m.cpdf_names_retry({}, o))}</button>
</form>
<p><a href="${t(p.back)}">${t(m.cpdf_names_back({}, o))}</a></p>
</main></body></html>`;
	return new Response(body, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
