import type { Db } from '../db';
import type { KitAllowanceKind, Level } from '../db/schema';
import { enrolledPupilsByLevel, listItems } from './kit-item.repository';
import { committedQuantities } from './kit-order.repository';

export interface AllowanceRule {
	level: Level | null;
	allowanceKind: KitAllowanceKind;
	marginPerMille: number | null;
	fixedQuantity: number | null;
}

/**
 * The most a campus may order of an item in an edition:
 * - per pupil: ceil(enrolled pupils x margin), in integers (marginPerMille 1100 = x 1.1);
 * - fixed per campus: the number.
 * Only enrolled classes of the item's level count (every level when it has none);
 * a campus with no such class gets 0 of either kind: it does not take part for that item.
 */
export function campusMaximum(rule: AllowanceRule, pupilsByLevel: Map<Level, number>): number {
	const pupils = rule.level ? (pupilsByLevel.get(rule.level) ?? 0) : [...pupilsByLevel.values()].reduce((a, b) => a + b, 0);
	if (pupils <= 0) return 0;
	if (rule.allowanceKind === 'fixed_per_campus') return rule.fixedQuantity ?? 0;
	return Math.ceil((pupils * (rule.marginPerMille ?? 1000)) / 1000);
}

export interface ItemAllowance {
	itemId: number;
	nameNl: string;
	nameEn: string;
	unitNl: string;
	unitEn: string;
	/** The campus maximum for the whole edition. */
	maximum: number;
	/** Already in approved, packed or handed-over orders of the campus. */
	committed: number;
	/** What an open (possibly supplementary) order may still ask for. */
	remaining: number;
}

/** Every active item of the edition with the campus's maximum and what is left of it. */
export async function campusAllowances(db: Db, editionId: number, campusId: number): Promise<ItemAllowance[]> {
	const [items, pupils, committed] = await Promise.all([
		listItems(db, editionId),
		enrolledPupilsByLevel(db, editionId, campusId),
		committedQuantities(db, editionId, campusId)
	]);
	return items.map((item) => {
		const maximum = campusMaximum(item, pupils);
		const used = committed.get(item.id) ?? 0;
		return {
			itemId: item.id,
			nameNl: item.nameNl,
			nameEn: item.nameEn,
			unitNl: item.unitNl,
			unitEn: item.unitEn,
			maximum,
			committed: used,
			remaining: Math.max(0, maximum - used)
		};
	});
}
