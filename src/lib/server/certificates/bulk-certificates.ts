import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { findCampusById } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { NotFoundError } from '../errors';
import { editionEnded } from './certificate-facts';
import * as repo from './certificate.repository';
import { getOrIssueClassCertificate, toView, type CertificateView } from './certificate.service';
import { issueClassCertificates } from './certificate-batch';
import { listEligibleClassChunk, type BulkCursor } from './bulk-certificates.repository';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

/**
 * Bulk certificates (issue 6): every class certificate of an edition, or of one
 * campus, read in keyset chunks so a 100,000-class edition never sits in memory.
 * Per chunk: one query for the eligible classes and one for their valid
 * certificates; the chunk's classes without one are issued in one batch
 * (certificate-batch.ts), and go through the service one by one only when a
 * concurrent request issued one of them first.
 */
export const bulkChunkSize = 200;

export interface BulkScope {
	editionId: number;
	campusId: number | null;
}

/** The valid certificates of a chunk's classes, in one query. */
async function activeCertificates(db: Kysely<Database>, editionId: number, classIds: number[]): Promise<Map<number, repo.CertificateRow>> {
	if (classIds.length === 0) return new Map();
	const rows = await repo.listActiveBySubjects(
		db,
		editionId,
		classIds.map((id) => `class:${id}`)
	);
	return new Map(rows.map((r) => [r.classId!, r]));
}

/** Checks the coordinator and the scope; throws NotFound for an unknown edition or a campus without classes in it. */
export async function assertBulkScope(
	db: Kysely<Database>,
	actor: Actor,
	scope: BulkScope
): Promise<{ ended: boolean; editionName: string; campusName: string | null }> {
	const edition = await coordinatorEdition(db, actor, scope.editionId);
	let campusName: string | null = null;
	if (scope.campusId !== null) {
		const campus = await findCampusById(db, scope.campusId);
		if (!campus) throw new NotFoundError();
		campusName = campus.name;
	}
	return { ended: editionEnded({ editionStatus: edition.status, workshopEndsOn: edition.workshopEndsOn }), editionName: edition.name, campusName };
}

/**
 * Yields the class certificates of the scope, issuing missing ones as the
 * coordinator; a class whose certificate was revoked (and not reissued) is left
 * out (countRevokedClassSubjects says how many). Reads the next chunk only when the consumer asks for more, so a
 * consumer that stops (client gone) stops the queries too.
 */
export async function* bulkClassCertificates(
	db: Kysely<Database>,
	actor: Actor,
	scope: BulkScope,
	opts: { chunkSize?: number; ended?: boolean } = {}
): AsyncGenerator<CertificateView, void, undefined> {
	const ended = opts.ended ?? (await assertBulkScope(db, actor, scope)).ended;
	const limit = opts.chunkSize ?? bulkChunkSize;
	let after: BulkCursor = null;
	for (;;) {
		const chunk = await listEligibleClassChunk(db, scope, ended, after, limit);
		if (chunk.length === 0) return;
		let active = await activeCertificates(
			db,
			scope.editionId,
			chunk.map((c) => c.id)
		);
		// Revoked and not reissued: left out, never reissued as a side effect of the download.
		const revoked = await repo.listRevokedSubjects(
			db,
			scope.editionId,
			chunk.filter((c) => !active.has(c.id)).map((c) => `class:${c.id}`)
		);
		const missing = chunk.filter((c) => !active.has(c.id) && !revoked.has(`class:${c.id}`)).map((c) => c.id);
		// The chunk's missing certificates in one batch; after a lost race, the rest one by one below.
		if (missing.length > 0 && (await issueClassCertificates(db, actor, scope.editionId, missing)))
			active = new Map([...active, ...(await activeCertificates(db, scope.editionId, missing))]);
		for (const c of chunk) {
			const row = active.get(c.id);
			if (row) yield toView(row);
			else if (!revoked.has(`class:${c.id}`)) yield await getOrIssueClassCertificate(db, actor, c.id);
		}
		if (chunk.length < limit) return;
		const last = chunk[chunk.length - 1];
		after = { campusId: last.campusId, classId: last.id };
	}
}
