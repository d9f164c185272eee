import type { Kysely } from 'kysely';
import { instant, withTableOptions } from '../schema-helpers';

// One account may hold several roles (many volunteer trainers are teachers too).
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('user_roles')
			.addColumn('user_id', 'integer', (c) => c.notNull())
			.addColumn('role', 'varchar(20)', (c) => c.notNull())
			.addColumn('created_at', instant(db), (c) => c.notNull())
			.addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
			.addForeignKeyConstraint('user_roles_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
	).execute();
	await db.schema.createIndex('user_roles_role_idx').on('user_roles').columns(['role', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('user_roles').execute();
}
