import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * "Contains" searches with LIKE, the same on both databases. The escape character
 * is named explicitly: SQLite has no default one (a backslash there is a literal
 * character) while MySQL uses the backslash, so `ESCAPE '!'` is the portable form.
 * Searched columns hold normalised keys (see keys.ts); pass a normalised text.
 */
export function containsPattern(text: string): string {
	return `%${text.replace(/[!%_]/g, (c) => '!' + c)}%`;
}

/** `expr LIKE '%text%' ESCAPE '!'`, for an expression such as eb.ref('campuses.nameKey'). */
export function containsText(expr: Expression<string | null>, text: string): RawBuilder<SqlBool> {
	return sql<SqlBool>`${expr} like ${containsPattern(text)} escape '!'`;
}

/** The same for a column named as "table.columnName" (camelCase; the plugin maps it). */
export function likeContains(column: string, text: string): RawBuilder<SqlBool> {
	return containsText(sql.ref(column), text);
}
