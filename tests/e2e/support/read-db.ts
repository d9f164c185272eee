import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';

/**
 * Read-only access to the e2e database (`.e2e/app.sqlite`, written by the running
 * server). WAL mode is on, so reading while the app writes is safe. A fresh
 * connection per read keeps the helpers free of state between tests.
 */
const file = fileURLToPath(new URL('../../../.e2e/app.sqlite', import.meta.url));

export function read<T>(fn: (db: Database.Database) => T): T {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}
