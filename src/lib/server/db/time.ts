/**
 * One way to write time (DESIGN §5.4): instants are UTC text "YYYY-MM-DD HH:MM:SS.mmm",
 * which sorts correctly as text on SQLite and is accepted by DATETIME(3) on MySQL.
 * The clock is JavaScript's, replaceable in tests; SQL never calls NOW().
 */
export type DbTime = string;

let nowFn: () => Date = () => new Date();

export const clock = {
	now: (): Date => nowFn(),
	/** Tests only: freeze or move the clock. Pass nothing to restore the real one. */
	set(fn?: () => Date) {
		nowFn = fn ?? (() => new Date());
	},
	/**
	 * Runs fn with the clock standing at `at`, then puts back whatever clock there
	 * was. For the demo seed, which writes history "as of" its day through services
	 * that read the clock; only ever while nothing else runs (start-up, scripts, tests).
	 */
	async frozenAt<T>(at: Date, fn: () => Promise<T>): Promise<T> {
		const previous = nowFn;
		nowFn = () => at;
		try {
			return await fn();
		} finally {
			nowFn = previous;
		}
	}
};

export function toDbTime(date: Date): DbTime {
	if (Number.isNaN(date.getTime())) throw new Error('Invalid date');
	return date.toISOString().replace('T', ' ').replace('Z', '');
}

export function fromDbTime(value: DbTime | Date): Date {
	if (value instanceof Date) return value;
	// MySQL may return fewer fractional digits; both forms are UTC by construction.
	return new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));
}

export const nowDb = (): DbTime => toDbTime(clock.now());

export function addMs(date: Date, ms: number): Date {
	return new Date(date.getTime() + ms);
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
