import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form's submit button is disabled while its request runs (no double
 * enrolments or double mails from an impatient second click), and what the user
 * typed stays in the fields when the server refuses it.
 *
 *   const submit = submitting();
 *   import { enhance } from '$lib/forms/enhance'; // says 403/413/429/5xx/offline in the form
 *   <form method="POST" use:enhance={submit.enhance}> … <button disabled={submit.busy}>
 */
export function submitting(opts: { reset?: boolean } = {}) {
	let busy = $state(false);
	const enhance: SubmitFunction = () => {
		busy = true;
		return async ({ update }) => {
			await update({ reset: opts.reset ?? false });
			busy = false;
		};
	};
	return {
		get busy() {
			return busy;
		},
		enhance
	};
}
