import { expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/lib/server/db/errors';
import { textKey } from '../../src/lib/server/db/keys';
import { fromDbTime, toDbTime } from '../../src/lib/server/db/time';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { createOrganisation, createSchool } from './support/fixtures';

describeEachDatabase('text keys, lengths and time', (dialect) => {
	const ctx = useDatabase(dialect);

	it('stores an instant and reads the same instant back, in UTC, to the millisecond', async () => {
		const instant = new Date('2027-03-28T01:30:00.123Z'); // the night Brussels moves to summer time
		await ctx.db
			.insertInto('settings')
			.values({ key: 'x', value: null, valueNl: null, valueEn: null, updatedAt: toDbTime(instant), updatedBy: null })
			.execute();
		const row = await ctx.db.selectFrom('settings').select('updatedAt').executeTakeFirstOrThrow();
		expect(fromDbTime(row.updatedAt).toISOString()).toBe(instant.toISOString());
	});

	it('compares instants correctly in SQL', async () => {
		for (const [key, at] of [
			['a', '2027-01-01T23:00:00Z'],
			['b', '2027-01-02T06:30:00Z']
		]) {
			await ctx.db
				.insertInto('settings')
				.values({ key, value: null, valueNl: null, valueEn: null, updatedAt: toDbTime(new Date(at)), updatedBy: null })
				.execute();
		}
		const later = await ctx.db
			.selectFrom('settings')
			.select('key')
			.where('updatedAt', '>', toDbTime(new Date('2027-01-02T00:00:00Z')))
			.execute();
		expect(later.map((r) => r.key)).toEqual(['b']);
	});

	it('treats names that differ only in case, spacing or Unicode form as the same key', async () => {
		await createOrganisation(ctx.db, 'Zoë Vzw');
		const err = await createOrganisation(ctx.db, ' zoe\u0308   VZW ').catch((e) => e);
		expect(isUniqueViolation(err)).toBe(true);
		expect(textKey('Zoë')).not.toBe(textKey('Zoe')); // accents still matter
		await expect(createOrganisation(ctx.db, 'Zoe vzw')).resolves.toBeGreaterThan(0);
	});

	it('keeps a 150-character Unicode name whole', async () => {
		const name = 'Ł'.repeat(150);
		const id = await createSchool(ctx.db, name);
		const row = await ctx.db.selectFrom('schools').select('name').where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.name).toBe(name);
	});
});
