/**
 * The error summary above a form (GOV.UK Design System pattern): one link per
 * field error, in the order of the form, each to the field it is about. The pure
 * parts are here so they are unit-tested; ErrorSummary.svelte draws them.
 */

/** One line of the summary: the field's name (the key of the action's `errors`) and its message. */
export interface SummaryItem {
	field: string;
	message: string;
}

/** The id Field.svelte and SelectField.svelte give a field unless told otherwise. */
export const fieldId = (name: string) => `field-${name}`;

/**
 * The action's `errors` in the order the fields stand in the form. `order` is the
 * names of the posted form's fields as the browser sent them (FormData keeps the
 * document's order); a field that posted nothing (an unticked group of boxes)
 * keeps its place among the others as the schema reported it, after the posted ones.
 */
export function inFormOrder<T>(errors: Record<string, T>, order: Iterable<string>): Record<string, T> {
	const rank = new Map<string, number>();
	for (const name of order) if (!rank.has(name)) rank.set(name, rank.size);
	const keys = Object.keys(errors);
	const place = (key: string) => rank.get(key) ?? rank.size + keys.indexOf(key);
	return Object.fromEntries([...keys].sort((a, b) => place(a) - place(b)).map((key) => [key, errors[key]]));
}

/** The lines of the summary: every field error with a message, in the order given. */
export function summaryItems(errors: Record<string, unknown> | null | undefined): SummaryItem[] {
	if (!errors) return [];
	return Object.entries(errors)
		.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
		.map(([field, message]) => ({ field, message }));
}

/**
 * The sentence under the heading: the notice's own message, unless it only
 * repeats one of the lines (a service's refusal about one field is both).
 */
export function summaryDescription(message: string | null | undefined, items: SummaryItem[]): string | null {
	if (!message || items.some((item) => item.message === message)) return null;
	return message;
}

/**
 * A line that names its field: "Name of the school: Fill in this field." A generic
 * message ("Fill in this field.") twice in a summary says nothing about which
 * fields; a message that already names its field is left as it is.
 */
export function namedMessage(label: string | null | undefined, message: string): string {
	const name = (label ?? '').replace(/[\s:*]+$/, '').trim();
	if (!name || message.toLocaleLowerCase().includes(name.toLocaleLowerCase())) return message;
	return `${name}: ${message}`;
}

/**
 * A line of a form that repeats its fields (one row per class) names the row
 * first: "Klas 3 – Naam van de klas: …". The row says so with data-summary-name.
 */
export const inRow = (row: string | null | undefined, line: string) => (row ? `${row} – ${line}` : line);

export const rowNameOf = (target: HTMLElement): string | null => target.closest<HTMLElement>('[data-summary-name]')?.dataset.summaryName ?? null;

/**
 * The words of the label a control is known by: the legend of its group for a box
 * or round button in a fieldset (its own label is one option), else its label,
 * without the "(optional)" note or hints set in elements inside the label.
 */
export function labelTextOf(target: HTMLElement): string | null {
	const choice = target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
	const legend = target.closest('fieldset')?.querySelector('legend') ?? null;
	const label =
		target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement ? (target.labels?.[0] ?? null) : null;
	const element = choice ? (legend ?? label) : (label ?? legend);
	if (!element) return null;
	const own = [...element.childNodes]
		.filter((node) => node.nodeType === Node.TEXT_NODE)
		.map((node) => node.textContent ?? '')
		.join('')
		.trim();
	return own || element.textContent?.trim() || null;
}

/**
 * The control a line is about, in the page as it is: the field of that name the
 * page marked invalid (pages with two forms, or with ids of their own, e.g.
 * "invite-email"), else the one with the conventional id, else the first control
 * of that name (the first box of a group).
 */
export function fieldOf(doc: Document, name: string): HTMLElement | null {
	const byName = (extra: string) => doc.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]${extra}`);
	const conventional = doc.getElementById(fieldId(name));
	return (
		byName('[aria-invalid="true"]') ??
		(conventional && conventional.matches('input, select, textarea, button') ? conventional : null) ??
		byName(':not([type="hidden"])')
	);
}
