import type { Kysely } from 'kysely';

/**
 * The footer's help links become a list (help_link_1 … help_link_6: value is the
 * address, value_nl/value_en the label), so a city names its own reporting point
 * and helplines. The two fixed keys of the first version move into that list, and
 * an e-mail address in privacy_contact becomes the DPO's address. Data only.
 */
const moves = [
	{ label: 'reporting_point', url: 'reporting_point_url', to: 'help_link_1' },
	{ label: 'helpline', url: 'helpline_url', to: 'help_link_2' }
];

interface Row {
	key: string;
	value: string | null;
	value_nl: string | null;
	value_en: string | null;
	updated_at: string;
	updated_by: number | null;
}

async function rowsOf(db: Kysely<any>): Promise<Map<string, Row>> {
	const rows = (await db.selectFrom('settings').selectAll().execute()) as Row[];
	return new Map(rows.map((r) => [r.key, r]));
}

export async function up(appDb: Kysely<any>): Promise<void> {
	// Snake case in and out, whatever plugins the caller's instance has.
	const db = appDb.withoutPlugins();
	const rows = await rowsOf(db);
	let slot = 1;
	for (const move of moves) {
		const label = rows.get(move.label);
		const url = rows.get(move.url);
		if (!label || rows.has(`help_link_${slot}`)) continue;
		await db
			.insertInto('settings')
			.values({
				key: `help_link_${slot}`,
				value: url?.value ?? url?.value_nl ?? null,
				value_nl: label.value_nl ?? label.value,
				value_en: label.value_en,
				updated_at: label.updated_at,
				updated_by: label.updated_by
			})
			.execute();
		slot++;
	}
	const privacy = rows.get('privacy_contact');
	const address = (privacy?.value ?? privacy?.value_nl ?? '').trim();
	if (privacy && /^[^\s@]+@[^\s@]+$/.test(address) && !rows.has('dpo_email')) {
		await db
			.insertInto('settings')
			.values({
				key: 'dpo_email',
				value: address.toLowerCase(),
				value_nl: null,
				value_en: null,
				updated_at: privacy.updated_at,
				updated_by: privacy.updated_by
			})
			.execute();
		await db.deleteFrom('settings').where('key', '=', 'privacy_contact').execute();
	}
	await db
		.deleteFrom('settings')
		.where(
			'key',
			'in',
			moves.flatMap((m) => [m.label, m.url])
		)
		.execute();
}

export async function down(appDb: Kysely<any>): Promise<void> {
	const db = appDb.withoutPlugins();
	const rows = await rowsOf(db);
	for (const [i, move] of moves.entries()) {
		const link = rows.get(`help_link_${i + 1}`);
		if (!link) continue;
		const at = { updated_at: link.updated_at, updated_by: link.updated_by };
		await db
			.insertInto('settings')
			.values({ key: move.label, value: null, value_nl: link.value_nl, value_en: link.value_en, ...at })
			.execute();
		if (link.value)
			await db
				.insertInto('settings')
				.values({ key: move.url, value: link.value, value_nl: null, value_en: null, ...at })
				.execute();
	}
	const dpo = rows.get('dpo_email');
	if (dpo && !rows.has('privacy_contact'))
		await db
			.insertInto('settings')
			.values({ key: 'privacy_contact', value: dpo.value, value_nl: null, value_en: null, updated_at: dpo.updated_at, updated_by: dpo.updated_by })
			.execute();
	await db.deleteFrom('settings').where('key', 'like', 'help_link_%').execute();
	await db.deleteFrom('settings').where('key', '=', 'dpo_email').execute();
}
