import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from './schema';

/**
 * Row types derived from schema.ts, so a column is described once: a function
 * that takes or returns some of a table's columns names them with Pick<Row<…>>
 * instead of restating their types by hand.
 */

/** A table's row as read. */
export type Row<T extends keyof Database> = Selectable<Database[T]>;

/** A row as inserted (generated columns optional). */
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;

/** The columns of an update (each optional). */
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
