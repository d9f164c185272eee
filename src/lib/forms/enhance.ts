import { enhance as kitEnhance } from '$app/forms';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { problemOf, type AnswerFacts, type FormProblem } from './form-problem';

/**
 * SvelteKit's `use:enhance`, plus: an answer the page cannot handle (403, 413,
 * 429, 5xx, no connection) is said in the user's language in a box at the top of
 * the form (role="alert", focused), the page stays, and what was typed stays.
 * Every enhanced form imports `enhance` from here instead of `$app/forms`.
 *
 * Kit hands the callback neither the response's headers nor, for a non-JSON body
 * (a proxy's 413, a plain-text 403), its status. So the action requests' answers
 * are noted per AbortSignal (Kit gives each submit its own controller), and the
 * callback reads them from there.
 */
const answers = new WeakMap<AbortSignal, AnswerFacts>();
let observing = false;

function observeActionAnswers() {
	if (observing || typeof window === 'undefined') return;
	observing = true;
	const original = window.fetch;
	window.fetch = async (input, init) => {
		const response = await original(input, init);
		const signal = init?.signal;
		if (signal && new Headers(init?.headers).get('x-sveltekit-action') === 'true')
			answers.set(signal, { status: response.status, retryAfter: response.headers.get('retry-after'), requestId: response.headers.get('x-request-id') });
		return response;
	};
}

const boxClass = 'form-problem';

function clearProblem(form: HTMLFormElement) {
	for (const box of form.querySelectorAll(`:scope > .${boxClass}`)) box.remove();
}

function showProblem(form: HTMLFormElement, problem: FormProblem) {
	clearProblem(form);
	const box = document.createElement('div');
	box.className = `notice error ${boxClass}`;
	box.setAttribute('role', 'alert');
	box.tabIndex = -1;
	box.dataset.problem = problem.kind;
	const text = document.createElement('p');
	text.textContent = problem.message;
	box.append(text);
	if (problem.reference) {
		const ref = document.createElement('p');
		ref.className = 'muted';
		ref.textContent = m.fe_request_id({ id: problem.reference });
		box.append(ref);
	}
	form.prepend(box);
	box.focus();
}

const noUpdate = async () => {};

/** Wraps a page's submit function: problems are shown here; the page's callback still runs (with an update that changes nothing), so its busy state ends. */
function guarded(form: HTMLFormElement, submit?: SubmitFunction): SubmitFunction {
	return async (input) => {
		clearProblem(form);
		const callback = await submit?.(input);
		return async (opts) => {
			const answer = answers.get(input.controller.signal) ?? null;
			const problem = problemOf(opts.result as ActionResult & { status?: number; error?: unknown }, answer, navigator.onLine);
			if (!problem) return callback ? callback(opts) : opts.update();
			if (callback) await callback({ ...opts, update: noUpdate });
			showProblem(form, problem);
		};
	};
}

export function enhance(form: HTMLFormElement, submit?: SubmitFunction) {
	observeActionAnswers();
	return kitEnhance(form, guarded(form, submit));
}
