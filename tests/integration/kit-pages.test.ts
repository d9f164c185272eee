import { expect, it } from 'vitest';
import { forgetPublishedEditions } from '../../src/lib/server/campaigns/published-editions';
import { coordinatorDashboard } from '../../src/lib/server/reports/dashboard.service';
import { correctOnHand } from '../../src/lib/server/kits/catalogue.service';
import { cataloguePage } from '../../src/lib/server/kits/catalogue-page.service';
import { approveOrder } from '../../src/lib/server/kits/kit-order-flow.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { coordinatorOrderPage, editionOrdersPage } from '../../src/lib/server/kits/order-page.service';
import { teacherKitPage } from '../../src/lib/server/kits/teacher-kit.service';
import { nowDb } from '../../src/lib/server/db/time';
import { describeEachDatabase } from './support/databases';
import { coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { useDatabase } from './support/context';
import { createCampus } from './support/fixtures';
import { campusWithPupils, itemWithStock, posters, wristbands } from './support/kit-fixtures';

describeEachDatabase('kit pages', (dialect) => {
	const ctx = useDatabase(dialect);
	const paging = { page: 1, limit: 25, offset: 0 };
	const spring = new Date('2027-03-01T10:00:00Z');

	async function setting() {
		const coordinator = await coordinatorActor(ctx.db);
		const editionId = await createEdition(ctx.db);
		const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 1000);
		const poster = await itemWithStock(ctx.db, coordinator, editionId, posters, 100);
		const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [22, 19]);
		return { coordinator, editionId, bands, poster, campus };
	}

	it("shows the teacher the upcoming edition of the chosen campus, prefilled, and nothing for another's campus", async () => {
		const { editionId, campus, bands } = await setting();
		const second = await createCampus(ctx.db, { name: 'Campus Zonder Klassen' });
		await ctx.db.insertInto('teacherCampuses').values({ userId: campus.actor.id, campusId: second.id, createdAt: nowDb() }).execute();
		const page = await teacherKitPage(ctx.db, campus.actor, null, spring);
		expect(page.campuses.map((c) => c.id)).toContain(second.id);
		expect(page.edition?.id).toBe(editionId);
		expect(page.form?.lines.find((l) => l.itemId === bands)).toMatchObject({ maximum: 46, quantity: 46 });
		// The campus without classes takes part in nothing: an empty state, no form.
		expect(await teacherKitPage(ctx.db, campus.actor, second.id, spring)).toMatchObject({ campus: { id: second.id }, edition: null, form: null });
		// A campus id that is not the teacher's falls back to their own first campus.
		const stranger = await createCampus(ctx.db, { name: 'Campus Vreemd' });
		expect((await teacherKitPage(ctx.db, campus.actor, stranger.id, spring)).campus?.id).not.toBe(stranger.id);
		// After the workshops the edition is no longer upcoming.
		expect((await teacherKitPage(ctx.db, campus.actor, campus.campusId, new Date('2027-07-01T10:00:00Z'))).edition).toBeNull();
	});

	it('lists earlier orders read-only and offers a supplementary order after approval', async () => {
		const { coordinator, editionId, campus, bands } = await setting();
		const orderId = await saveOrder(ctx.db, campus.actor, {
			editionId,
			campusId: campus.campusId,
			delivery: 'pickup',
			remarks: null,
			lines: [{ itemId: bands, quantity: 40 }]
		});
		await approveOrder(ctx.db, coordinator, orderId);
		const page = await teacherKitPage(ctx.db, campus.actor, campus.campusId, spring);
		expect(page.orders.map((o) => [o.id, o.status, o.lines.map((l) => l.quantity)])).toEqual([[orderId, 'approved', [40]]]);
		expect(page.form).toMatchObject({ orderId: null, supplementaryOf: orderId });
		expect(page.form?.lines.find((l) => l.itemId === bands)).toMatchObject({ remaining: 6, quantity: 6 });
	});

	it("lists an edition's orders with their lines, filtered by status, and one order with each line's maximum", async () => {
		const { coordinator, editionId, campus, bands, poster } = await setting();
		const other = await campusWithPupils(ctx.db, editionId, 'bo@school.be', [10]);
		const first = await saveOrder(ctx.db, campus.actor, {
			editionId,
			campusId: campus.campusId,
			delivery: 'delivery',
			remarks: null,
			lines: [
				{ itemId: bands, quantity: 30 },
				{ itemId: poster, quantity: 2 }
			]
		});
		await saveOrder(ctx.db, other.actor, { editionId, campusId: other.campusId, delivery: 'pickup', remarks: null, lines: [{ itemId: poster, quantity: 5 }] });
		await approveOrder(ctx.db, coordinator, first);
		const all = await editionOrdersPage(ctx.db, coordinator, editionId, null, paging);
		expect(all.total).toBe(2);
		const approved = await editionOrdersPage(ctx.db, coordinator, editionId, 'approved', paging);
		expect(approved.rows.map((r) => [r.id, r.lines.map((l) => [l.nameNl, l.quantity])])).toEqual([
			[
				first,
				[
					['Paarse polsbandjes', 30],
					['Affiches', 2]
				]
			]
		]);
		const detail = await coordinatorOrderPage(ctx.db, coordinator, first);
		expect(detail.lines.map((l) => [l.quantity, l.maximum])).toEqual([
			[30, 46],
			[2, 5]
		]);
		await expect(editionOrdersPage(ctx.db, campus.actor, editionId, null, paging)).rejects.toMatchObject({ status: 403 });
		await expect(coordinatorOrderPage(ctx.db, coordinator, 999_999)).rejects.toMatchObject({ status: 404 });
	});

	it('flags low stock on the catalogue page and on the dashboard of published editions only', async () => {
		const { coordinator, editionId, bands, poster, campus } = await setting();
		await correctOnHand(ctx.db, coordinator, poster, 5);
		await approveOrder(
			ctx.db,
			coordinator,
			await saveOrder(ctx.db, campus.actor, {
				editionId,
				campusId: campus.campusId,
				delivery: 'delivery',
				remarks: null,
				lines: [{ itemId: poster, quantity: 5 }]
			})
		);
		const page = await cataloguePage(ctx.db, coordinator, editionId);
		expect(page.items.map((i) => [i.id, i.low])).toEqual([
			[bands, false],
			[poster, true]
		]);
		expect((await coordinatorDashboard(ctx.db)).attention.lowStock.map((i) => i.nameNl)).toEqual(['Affiches']);
		await ctx.db.updateTable('editions').set({ status: 'draft' }).where('id', '=', editionId).execute();
		forgetPublishedEditions(); // as every edition write of the app does (edition-admin.repository.ts)
		expect((await coordinatorDashboard(ctx.db)).attention.lowStock).toEqual([]);
		const teacher = await teacherAt(ctx.db, 'x@school.be');
		await expect(cataloguePage(ctx.db, teacher.actor, editionId)).rejects.toMatchObject({ status: 403 });
	});
});
