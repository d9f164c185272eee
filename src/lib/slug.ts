/**
 * The one rule for a name inside a file name: accents dropped (Zoë → Zoe), every
 * run of anything but ASCII letters and digits one hyphen, none at either end, at
 * most 80 characters, and 'export' when nothing is left. ASCII only, so the name
 * survives every file system, ZIP tool and the plain `filename=` fallback of a
 * download. Exports are lower case ("inschrijvingen-campagne-2027.csv");
 * certificates keep the case of the names they carry ("Campagne-2027-Klas-1A.pdf").
 */
export function slug(text: string, opts: { keepCase?: boolean } = {}): string {
	const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	return (
		(opts.keepCase ? ascii : ascii.toLowerCase())
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80) || 'export'
	);
}
