import type { Kysely } from 'kysely';
import type { Database, KitOrderStatus, Level } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { addMs, days, toDbTime } from '../../src/lib/server/db/time';
import { campusMaximum } from '../../src/lib/server/kits/allowance';
import { enrolledPupilsByLevel, insertItem } from '../../src/lib/server/kits/kit-item.repository';
import { insertOrder, replaceLines, updateOrder } from '../../src/lib/server/kits/kit-order.repository';
import { brusselsDateOf } from '../../src/lib/time/brussels';
import { nextIdahotYear } from './idahot';

/**
 * The kit catalogue of the upcoming PAARS edition with stock, and orders in every
 * state: handed over (Campus Stationsplein), approved (Overleie), packed (Dorp) and
 * the demo teacher's submitted, unapproved order (Campus Centrum). Written through
 * the repositories (no audit, no mails: the demo is history); quantities follow
 * the campus maxima, and reserved / handed out match the orders. Idempotent: an
 * edition that already has a catalogue is left alone.
 */
type DemoItem = {
	nameNl: string;
	nameEn: string;
	unitNl: string;
	unitEn: string;
	level: Level | null;
	margin?: number;
	fixed?: number;
	onHand: number;
	threshold?: number;
};

const catalogue: DemoItem[] = [
	{ nameNl: 'Paarse polsbandjes', nameEn: 'Purple wristbands', unitNl: 'stuk', unitEn: 'piece', level: null, margin: 1100, onHand: 1500 },
	{ nameNl: 'Affiches', nameEn: 'Posters', unitNl: 'stuk', unitEn: 'piece', level: null, fixed: 5, onHand: 120 },
	// Few flags left on purpose: the dashboard's low-stock notice shows it.
	{ nameNl: 'Regenboogvlaggen', nameEn: 'Rainbow flags', unitNl: 'vlag', unitEn: 'flag', level: null, fixed: 1, onHand: 6, threshold: 4 },
	{ nameNl: 'PAARS-krant', nameEn: 'PAARS newspaper', unitNl: 'exemplaar', unitEn: 'copy', level: 'secundair', margin: 1000, onHand: 600 },
	{ nameNl: 'Boekje Sam', nameEn: 'Sam booklet', unitNl: 'boekje', unitEn: 'booklet', level: 'lager', margin: 1000, onHand: 300 },
	{ nameNl: 'Boekje Lily', nameEn: 'Lily booklet', unitNl: 'boekje', unitEn: 'booklet', level: 'lager', margin: 1000, onHand: 300 }
];

const orders: { campus: string; status: KitOrderStatus; delivery: 'delivery' | 'pickup'; remarks?: string }[] = [
	{ campus: 'Campus Stationsplein', status: 'handed_over', delivery: 'pickup' },
	{ campus: 'Campus Overleie', status: 'approved', delivery: 'delivery', remarks: 'Graag leveren aan het secretariaat, poort 2.' },
	{ campus: 'Campus Dorp', status: 'packed', delivery: 'delivery' },
	{ campus: 'Campus Centrum', status: 'submitted', delivery: 'delivery', remarks: 'Liefst levering in de week voor 17 mei.' }
];

export async function seedDemoKits(db: Kysely<Database>, opts: { today: Date }): Promise<void> {
	const edition = await db
		.selectFrom('editions')
		.select('id')
		.where('name', '=', `PAARS ${nextIdahotYear(opts.today)}`)
		.executeTakeFirst();
	const coordinator = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey('coordinator@example.org')).executeTakeFirst();
	if (!edition || !coordinator) return;
	if (await db.selectFrom('kitItems').select('id').where('editionId', '=', edition.id).limit(1).executeTakeFirst()) return;
	const now = toDbTime(opts.today);
	const items = [];
	for (const [sortOrder, i] of catalogue.entries()) {
		const fields = {
			nameNl: i.nameNl,
			nameEn: i.nameEn,
			nameKey: textKey(i.nameNl),
			unitNl: i.unitNl,
			unitEn: i.unitEn,
			level: i.level,
			allowanceKind: i.margin ? ('per_pupil' as const) : ('fixed_per_campus' as const),
			marginPerMille: i.margin ?? null,
			fixedQuantity: i.fixed ?? null,
			lowStockThreshold: i.threshold ?? null,
			sortOrder
		};
		items.push({ ...fields, id: await insertItem(db, edition.id, fields, now), onHand: i.onHand, reserved: 0, handedOut: 0 });
	}
	for (const [n, o] of orders.entries()) {
		const campus = await db.selectFrom('campuses').select('id').where('nameKey', '=', textKey(o.campus)).executeTakeFirst();
		if (!campus) continue;
		const pupils = await enrolledPupilsByLevel(db, edition.id, campus.id);
		const lines = items.map((i) => ({ itemId: i.id, quantity: campusMaximum(i, pupils) })).filter((l) => l.quantity > 0);
		const at = toDbTime(addMs(opts.today, -days(10 - n)));
		const open = o.status === 'submitted';
		const orderId = await insertOrder(db, {
			editionId: edition.id,
			campusId: campus.id,
			status: 'submitted',
			delivery: o.delivery,
			remarks: o.remarks ?? null,
			supplementaryOf: null,
			actorId: coordinator.id,
			now: at
		});
		await replaceLines(db, orderId, lines);
		if (!open) {
			await updateOrder(db, orderId, {
				status: o.status,
				open: null,
				approvedBy: coordinator.id,
				approvedAt: at,
				packedAt: o.status === 'approved' ? null : at,
				handedOverOn: o.status === 'handed_over' ? brusselsDateOf(addMs(opts.today, -days(3))) : null,
				receivedBy: o.status === 'handed_over' ? 'Nadia El Amrani' : null
			});
			for (const l of lines) {
				const item = items.find((i) => i.id === l.itemId)!;
				if (o.status === 'handed_over') item.handedOut += l.quantity;
				else item.reserved += l.quantity;
			}
		}
	}
	for (const i of items)
		await db.updateTable('kitItems').set({ onHand: i.onHand, reserved: i.reserved, handedOut: i.handedOut }).where('id', '=', i.id).execute();
}
