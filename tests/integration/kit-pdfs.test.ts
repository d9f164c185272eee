import { expect, it } from 'vitest';
import { approveOrder } from '../../src/lib/server/kits/kit-order-flow.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { packingListView, pickListView } from '../../src/lib/server/kits/kit-pdf-view';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { packingListPdf } from '../../src/lib/server/kits/kit-lists-pdf';
import { pickListPdf } from '../../src/lib/server/kits/pick-list-pdf';
import { describeEachDatabase } from './support/databases';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { useDatabase } from './support/context';
import { pdfText } from './support/pdf-text';
import { createCampus } from './support/fixtures';
import { campusWithPupils, itemWithStock, posters, wristbands } from './support/kit-fixtures';

describeEachDatabase('kit PDFs', (dialect) => {
	const ctx = useDatabase(dialect);

	it('prints the campus, its address, the items and quantities, with Ł and ç intact', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, { ...wristbands, nameNl: 'Polsbandjes façon Łódź' }, 1000);
		const poster = await itemWithStock(ctx.db, coordinator, editionId, posters, 100);
		const campus = await createCampus(ctx.db, { name: 'Campus Łukasz & François', levels: ['lager'] });
		const { actor } = await teacherAt(ctx.db, 'ola@school.be', campus);
		await enrolClass(ctx.db, actor, aClass(editionId, campus.id, '5A', { pupilCount: 20 }));
		const orderId = await saveOrder(ctx.db, actor, {
			editionId,
			campusId: campus.id,
			delivery: 'pickup',
			remarks: 'Graag vóór 10 mei',
			lines: [
				{ itemId: bands, quantity: 17 },
				{ itemId: poster, quantity: 3 }
			]
		});

		const text = await pdfText(await toBuffer(packingListPdf(await packingListView(ctx.db, coordinator, orderId, 'nl'))));
		expect(text).toContain('Paklijst: Campus Łukasz & François');
		expect(text).toContain('Grote Markt 1, 8500 Kortrijk');
		expect(text).toContain('Afhalen op het stadhuis');
		expect(text).toMatch(/Polsbandjes façon Łódź\s+stuk\s+17/);
		expect(text).toMatch(/Affiches\s+stuk\s+3/);
		expect(text).toContain('Handtekening');

		const en = await pdfText(await toBuffer(packingListPdf(await packingListView(ctx.db, coordinator, orderId, 'en'))));
		expect(en).toContain('Packing list: Campus Łukasz & François');
		expect(en).toMatch(/Posters\s+piece\s+3/);
	});

	it('refuses the packing list of another campus to a teacher', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 1000);
		const a = await campusWithPupils(ctx.db, editionId, 'an@school.be', [22]);
		const b = await campusWithPupils(ctx.db, editionId, 'bo@school.be', [10]);
		const orderId = await saveOrder(ctx.db, a.actor, {
			editionId,
			campusId: a.campusId,
			delivery: 'delivery',
			remarks: null,
			lines: [{ itemId: bands, quantity: 5 }]
		});
		await expect(packingListView(ctx.db, b.actor, orderId, 'nl')).rejects.toMatchObject({ status: 403 });
	});

	it('lists every approved order by campus on the pick list, across pages', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 100_000);
		const names = ['Zuid', 'Abdij', 'Bos', 'Molen'];
		for (const [i, name] of names.entries()) {
			const c = await campusWithPupils(ctx.db, editionId, `t${i}@school.be`, [20]);
			await ctx.db
				.updateTable('campuses')
				.set({ name: `Campus ${name}`, nameKey: `campus ${name.toLowerCase()}` })
				.where('id', '=', c.campusId)
				.execute();
			const orderId = await saveOrder(ctx.db, c.actor, {
				editionId,
				campusId: c.campusId,
				delivery: 'delivery',
				remarks: null,
				lines: [{ itemId: bands, quantity: 10 + i }]
			});
			if (name !== 'Bos') await approveOrder(ctx.db, coordinator, orderId);
		}
		const view = await pickListView(ctx.db, coordinator, editionId, 'en');
		const text = await pdfText(await toBuffer(pickListPdf(view.header, view.sections)));
		const order = ['Campus Abdij', 'Campus Molen', 'Campus Zuid'].map((n) => text.indexOf(n));
		expect(order.every((p) => p >= 0)).toBe(true);
		expect([...order].sort((x, y) => x - y)).toEqual(order);
		expect(text).not.toContain('Campus Bos');
		expect(text).toMatch(/Purple wristbands\s+piece\s+13/);
		await expect(pickListView(ctx.db, (await campusWithPupils(ctx.db, editionId, 'z@school.be', [1])).actor, editionId, 'nl')).rejects.toMatchObject({
			status: 403
		});
	});

	it('stops drawing when the request is aborted, and says so when nothing is approved', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const view = await pickListView(ctx.db, coordinator, editionId, 'nl');
		expect(await pdfText(await toBuffer(pickListPdf(view.header, view.sections)))).toContain('geen goedgekeurde bestellingen');
		const aborted = AbortSignal.abort();
		const again = await pickListView(ctx.db, coordinator, editionId, 'nl');
		expect((await toBuffer(pickListPdf(again.header, again.sections, aborted))).subarray(0, 5).toString()).toBe('%PDF-');
	});
});
