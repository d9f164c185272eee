/**
 * How the pages write a pupil figure: the mean to at most two decimals in the
 * reader's notation (3,04 in Dutch). A suppressed figure (null) is never a
 * number on a page; callers write "too few answers" instead.
 */
export function pupilNumbers(locale: string) {
	const tag = locale === 'en' ? 'en-GB' : 'nl-BE';
	const mean = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
	const whole = new Intl.NumberFormat(tag);
	return { mean: (value: number) => mean.format(value), count: (value: number) => whole.format(value) };
}
