import { brusselsDateOf } from '../../src/lib/time/brussels';

/** The next 17 May (IDAHOT) on or after today, as a year. */
export function nextIdahotYear(today: Date): number {
	const local = brusselsDateOf(today);
	const year = Number(local.slice(0, 4));
	return local <= `${year}-05-17` ? year : year + 1;
}
