import type { Kysely } from 'kysely';
import { audit } from '../../audit/audit';
import { isCoordinator, type Actor } from '../../auth/actor';
import type { Database, NotGivenReason, SlotOutcome } from '../../db/schema';
import { clock, fromDbTime, nowDb } from '../../db/time';
import { withTransaction } from '../../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { mailCertificatesAvailable } from '../../certificates/certificate-mail';
import { mailEvaluationInvites } from '../../evaluations/evaluation-invites';
import { lockSlot } from '../slots/slot-locks.repository';
import { listActiveTrainerIds, recordSlotReport } from '../slots/slot.repository';

export type ReportInput =
	| { outcome: Extract<SlotOutcome, 'given'>; pupilsPresent: number; durationMinutes: number; note: string | null }
	| { outcome: Extract<SlotOutcome, 'not_given'>; notGivenReason: NotGivenReason; note: string | null };

/**
 * After a workshop one of its trainers (or a coordinator) says whether it was
 * given. A report can be corrected; it never holds pupils' names (the form says
 * so and the note is short and stays out of exports).
 */
export async function reportWorkshop(db: Kysely<Database>, actor: Actor, slotId: number, input: ReportInput): Promise<void> {
	await withTransaction(db, async (trx) => {
		const slot = await lockSlot(trx, slotId);
		if (!slot) throw new NotFoundError();
		const trainers = await listActiveTrainerIds(trx, slotId);
		if (!isCoordinator(actor) && !trainers.includes(actor.id)) throw new ForbiddenError();
		if (slot.status === 'cancelled') throw new ConflictError('ws_error_slot_cancelled');
		if (fromDbTime(slot.startsAt) > clock.now()) throw new ConflictError('ws_error_report_too_early');
		const report =
			input.outcome === 'given'
				? { outcome: input.outcome, pupilsPresent: input.pupilsPresent, durationMinutes: input.durationMinutes, notGivenReason: null, reportNote: input.note }
				: { outcome: input.outcome, pupilsPresent: null, durationMinutes: null, notGivenReason: input.notGivenReason, reportNote: input.note };
		await recordSlotReport(trx, slotId, report, { userId: actor.id, at: nowDb() });
		const { reportNote: _note, ...logged } = report;
		await audit(trx, {
			actorId: actor.id,
			action: slot.outcome ? 'workshop.report_corrected' : 'workshop.reported',
			entityType: 'workshop_slot',
			entityId: slotId,
			before: slot.outcome ? { outcome: slot.outcome } : undefined,
			after: logged
		});
		// From now on its classes' teachers may download the class certificate.
		if (input.outcome === 'given') await mailCertificatesAvailable(trx, slotId);
		// And are asked how it went, when the campaign asks (issue 19.1).
		if (input.outcome === 'given') await mailEvaluationInvites(trx, slotId);
	});
}
