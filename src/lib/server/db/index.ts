import type { Kysely, Transaction } from 'kysely';
import { config } from '../config';
import { openDatabase, type DbHandle, type DialectName } from './dialect';
import type { Database } from './schema';

/** A database or a transaction: repository functions take either as first argument. */
export type Db = Kysely<Database> | Transaction<Database>;

let handle: Promise<DbHandle> | undefined;

/** Opened on first use, never at import (Kit imports every module while building). */
export function getHandle(): Promise<DbHandle> {
	handle ??= openDatabase(config().DATABASE_URL);
	return handle;
}

export async function getDb(): Promise<Kysely<Database>> {
	return (await getHandle()).db;
}

export async function getDialect(): Promise<DialectName> {
	return (await getHandle()).dialect;
}

/** Replaces the process-wide database (tests, command-line scripts). */
export function useHandle(next: DbHandle): void {
	handle = Promise.resolve(next);
}

export async function closeDb(): Promise<void> {
	const current = handle;
	handle = undefined;
	if (current) await (await current).close();
}
