import type { Kysely } from 'kysely';
import { instant, longText, withTableOptions } from '../schema-helpers';

// When a periodic job (the daily retention pass) last ran, and what it did. The
// name is the key: every app process tries to claim the run with a conditional
// UPDATE on last_run_at, so a daily job runs once a day however many processes
// (and cron's `npm run jobs:run`) there are.
export async function up(db: Kysely<any>): Promise<void> {
	await withTableOptions(
		db,
		db.schema
			.createTable('job_runs')
			.addColumn('name', 'varchar(50)', (c) => c.primaryKey())
			.addColumn('last_run_at', instant(db), (c) => c.notNull())
			.addColumn('result_json', longText(db))
	).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job_runs').execute();
}
