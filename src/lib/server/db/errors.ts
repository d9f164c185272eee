/** One mapping of driver error codes, which differ between SQLite and MySQL. */
interface DriverError {
	code?: string;
	errno?: number;
	message?: string;
}

export function isUniqueViolation(err: unknown): boolean {
	const e = err as DriverError;
	return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062;
}

export function isForeignKeyViolation(err: unknown): boolean {
	const e = err as DriverError;
	return e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e?.errno === 1452 || e?.errno === 1451;
}

/** Errors after which the whole transaction may simply be tried again. */
export function isRetryable(err: unknown): boolean {
	const e = err as DriverError;
	return (
		e?.errno === 1213 || // deadlock
		e?.errno === 1205 || // lock wait timeout
		e?.code === 'ER_LOCK_DEADLOCK' ||
		e?.code === 'ER_LOCK_WAIT_TIMEOUT' ||
		e?.code === 'SQLITE_BUSY' ||
		e?.code === 'SQLITE_BUSY_SNAPSHOT'
	);
}
