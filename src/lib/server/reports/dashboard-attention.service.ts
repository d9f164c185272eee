import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { publishedEditions } from '../campaigns/published-editions';
import { lowStockItems } from '../kits/catalogue.service';
import { countOutboxMail } from '../mail/outbox-view.repository';
import { countOpenDeletionRequests } from '../privacy/deletion-request.service';
import { fileStore } from '../storage';
import { materialsWithMissingFile } from '../storage/missing-files.service';

/**
 * What needs the coordinator's attention on the dashboard, each with where to act:
 * kit items running low (the edition's kits page), mails that failed (the outbox),
 * deletion requests that wait (the requests page), materials whose file is gone
 * (the material's page, to upload it again). Nothing here: nothing to show.
 */
export interface DashboardAttention {
	lowStock: { id: number; editionId: number; editionName: string; nameNl: string; nameEn: string; available: number }[];
	failedMail: number;
	deletionRequests: number;
	missingFiles: { id: number; titleNl: string; titleEn: string; editionName: string; requests: number }[];
}

/** The outbox's queue: mails waiting to go (or going now) and mails that failed. */
export interface MailQueue {
	queued: number;
	failed: number;
}

export async function mailQueue(db: Kysely<Database>): Promise<MailQueue> {
	const [queued, failed] = await Promise.all([countOutboxMail(db, ['pending', 'sending']), countOutboxMail(db, ['failed'])]);
	return { queued, failed };
}

export async function dashboardAttention(db: Kysely<Database>, queue: MailQueue): Promise<DashboardAttention> {
	// Published editions are few (one or two a year): one low-stock query each.
	const published = await publishedEditions(db);
	const [stock, deletionRequests, missingFiles] = await Promise.all([
		Promise.all(published.map(async (e) => (await lowStockItems(db, e.id)).map((i) => ({ ...i, editionName: e.name })))),
		countOpenDeletionRequests(db),
		materialsWithMissingFile(db, fileStore())
	]);
	const lowStock = stock
		.flat()
		.map((i) => ({ id: i.id, editionId: i.editionId, editionName: i.editionName, nameNl: i.nameNl, nameEn: i.nameEn, available: i.available }));
	return { lowStock, failedMail: queue.failed, deletionRequests, missingFiles };
}

/** Whether the dashboard shows its "needs attention" box at all. */
export const needsAttention = (a: DashboardAttention): boolean =>
	a.lowStock.length > 0 || a.failedMail > 0 || a.deletionRequests > 0 || a.missingFiles.length > 0;
