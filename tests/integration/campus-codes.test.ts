import { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { campusCodesFile } from '../../src/lib/server/campuses/campus-codes.service';
import { formatInviteCode } from '../../src/lib/invite-code';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { coordinatorActor } from './support/enrolment-fixtures';
import { createCampus, createSchool } from './support/fixtures';
import { downloadBytes } from './support/download-bytes';
import { pdfText } from './support/pdf-text';

describeEachDatabase('campus codes export', (dialect) => {
	const ctx = useDatabase(dialect);

	async function world() {
		const school = await createSchool(ctx.db, 'Sint-Łukasinstituut');
		const a = await createCampus(ctx.db, { schoolId: school, name: 'Campus Zoë' });
		const b = await createCampus(ctx.db, { schoolId: school, name: '=HYPERLINK("http://x")' });
		await ctx.db
			.updateTable('campuses')
			.set({ contactName: 'Ольга', contactEmail: 'olga@school.be', contactPhone: '+32 56 12 34 56' })
			.where('id', '=', a.id)
			.execute();
		const gone = await createCampus(ctx.db, { schoolId: school, name: 'Gesloten' });
		await ctx.db.updateTable('campuses').set({ active: null }).where('id', '=', gone.id).execute();
		return { a, b, actor: await coordinatorActor(ctx.db) };
	}

	it('exports school, campus, address, contact and code as CSV and XLSX, formulas kept as text', async () => {
		const { a, b, actor } = await world();
		const csv = await campusCodesFile(ctx.db, actor, 'csv', 'nl');
		if (csv.contentType === 'application/pdf') throw new Error('csv expected');
		const text = String(csv.body);
		expect(csv.filename).toBe('campuscodes.csv');
		expect(text.startsWith('\uFEFFSchool;Instellingsnummer;Campus;Straat;Postcode;Gemeente;Contactpersoon;')).toBe(true);
		expect(text).toContain(
			`Sint-Łukasinstituut;;Campus Zoë;Grote Markt 1;8500;Kortrijk;Ольга;olga@school.be;'+32 56 12 34 56;${formatInviteCode(a.inviteCode)};`
		);
		expect(text).toContain(`/register?code=${a.inviteCode}\r\n`);
		expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(text).not.toContain('Gesloten');
		const xlsx = await campusCodesFile(ctx.db, actor, 'xlsx', 'en');
		if (xlsx.contentType === 'application/pdf') throw new Error('xlsx expected');
		const rows = await readSheet(xlsx.body as Buffer);
		expect(rows[0].slice(0, 3)).toEqual(['School', 'School number', 'Campus']);
		expect(rows.slice(1).map((r) => [r[2], r[9]])).toEqual([
			['=HYPERLINK("http://x")', formatInviteCode(b.inviteCode)],
			['Campus Zoë', formatInviteCode(a.inviteCode)]
		]);
	});

	it('prints one block per campus with its code and registration link', async () => {
		const { a, actor } = await world();
		const file = await campusCodesFile(ctx.db, actor, 'pdf', 'nl');
		if (file.contentType !== 'application/pdf') throw new Error('pdf expected');
		const text = await pdfText(await downloadBytes(file));
		expect(text).toContain('Campus Zoë');
		expect(text).toContain(formatInviteCode(a.inviteCode));
		expect(text).toContain(`/register?code=${a.inviteCode}`);
		expect(text).toContain('Sint-Łukasinstituut');
		const teacher = { ...actor, roles: ['teacher' as const] };
		await expect(campusCodesFile(ctx.db, teacher, 'csv', 'nl')).rejects.toMatchObject({ messageKey: 'error_forbidden' });
	});
});
