import type { Generated } from 'kysely';
import type { DbTime } from '../time';
import type { Level } from '../../../domain';

/** The physical kit: items with stock, orders and their lines (issue 4). */
export type KitAllowanceKind = 'per_pupil' | 'fixed_per_campus';
export type KitOrderStatus = 'draft' | 'submitted' | 'approved' | 'packed' | 'handed_over' | 'cancelled';
export type KitDelivery = 'delivery' | 'pickup';

/** A kit item of an edition with its stock; available = onHand - reserved - handedOut. */
export interface KitItemsTable {
	id: Generated<number>;
	editionId: number;
	nameNl: string;
	nameEn: string;
	nameKey: string;
	unitNl: string;
	unitEn: string;
	/** NULL: meant for every level. */
	level: Level | null;
	allowanceKind: KitAllowanceKind;
	/** per_pupil: 1100 means enrolled pupils x 1.1, rounded up. */
	marginPerMille: number | null;
	/** fixed_per_campus: this many per campus. */
	fixedQuantity: number | null;
	/** NULL: low below 10% of onHand (rounded up). */
	lowStockThreshold: number | null;
	sortOrder: number;
	active: 1 | null;
	onHand: number;
	reserved: number;
	handedOut: number;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface KitOrdersTable {
	id: Generated<number>;
	editionId: number;
	campusId: number;
	status: KitOrderStatus;
	/** 1 while draft or submitted, NULL afterwards: one open order per campus per edition. */
	open: 1 | null;
	delivery: KitDelivery;
	remarks: string | null;
	supplementaryOf: number | null;
	createdBy: number;
	updatedBy: number;
	approvedBy: number | null;
	approvedAt: DbTime | null;
	packedAt: DbTime | null;
	handedOverOn: string | null;
	receivedBy: string | null;
	cancelledAt: DbTime | null;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface KitOrderLinesTable {
	orderId: number;
	itemId: number;
	quantity: number;
}
