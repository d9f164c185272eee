import type { Kysely } from 'kysely';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Database, Locale } from '../db/schema';
import type { Actor } from '../auth/actor';
import { requireCoordinator } from '../auth/actor';
import { audit } from '../audit/audit';
import { clock, fromDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, NotFoundError } from '../errors';
import { enqueueMailOnce } from '../mail/outbox';
import { renderMail } from '../mail/render';
import type { SchoolInvitationParams } from '../mail/kinds/school-invitation';
import { citySettings } from '../settings/settings.service';
import { brusselsDateOf } from '../../time/brussels';
import { findEditionById } from './edition.repository';
import { enrolLoginUrl, invitationKeyPrefix, mailCampus, planInvitations, type InvitationOptions, type Recipient } from './school-invitation-recipients';
import { countDedupeKeysWithPrefix, findAnyDedupeKeyWithPrefix, findLastInvitationSend } from './school-invitations.repository';

type Edition = Pick<Row<'editions'>, 'id' | 'campaignId' | 'year' | 'name' | 'status' | 'enrolmentOpensAt' | 'enrolmentClosesAt'>;

/**
 * An edition's invitation can go out while schools can still enrol: published,
 * enrolment open or yet to open. Said as the reason a send is refused.
 */
export function invitationRefusal(edition: Pick<Edition, 'status' | 'enrolmentClosesAt'>, now = clock.now()): string | null {
	if (edition.status === 'archived') return 'si_error_archived';
	if (edition.status === 'draft') return 'si_error_draft';
	if (fromDbTime(edition.enrolmentClosesAt) <= now) return 'si_error_closed';
	return null;
}

type MailRecipient = Pick<Recipient, 'name' | 'campuses' | 'account' | 'previousTeacher'>;

function mailParams(edition: Edition, recipient: MailRecipient, previous: string | null): SchoolInvitationParams {
	// Enrolment closes at an instant that is not itself enrolment time: the last day is the one just before it.
	const lastMoment = new Date(fromDbTime(edition.enrolmentClosesAt).getTime() - 1);
	return {
		name: recipient.name,
		edition: edition.name,
		opensOn: brusselsDateOf(fromDbTime(edition.enrolmentOpensAt)),
		closesOn: brusselsDateOf(lastMoment),
		campuses: recipient.campuses,
		loginUrl: recipient.account ? enrolLoginUrl(edition.id) : null,
		previousEdition: recipient.previousTeacher ? previous : null
	};
}

async function editionOrThrow(db: Db, id: number): Promise<Edition> {
	const edition = await findEditionById(db, id);
	if (!edition) throw new NotFoundError();
	return edition;
}

/** What the invitations page shows: counts, a preview in nl and en, the last send. */
export async function invitationOverview(db: Kysely<Database>, actor: Actor, editionId: number, opts: InvitationOptions) {
	requireCoordinator(actor);
	const edition = await editionOrThrow(db, editionId);
	const [plan, last, sentTotal] = await Promise.all([
		planInvitations(db, edition, opts),
		findLastInvitationSend(db, editionId),
		schoolInvitationsSent(db, editionId)
	]);
	const chosen = plan.recipients;
	const missing = new Set(plan.withoutContact);
	const sample = plan.campuses.find((c) => !missing.has(c)) ?? plan.campuses[0];
	const preview = sample
		? await previews(db, edition, {
				name: sample.contactName?.trim() || sample.schoolName,
				campuses: [mailCampus(sample)],
				account: false,
				previousTeacher: false
			})
		: null;
	return {
		edition: { id: edition.id, name: edition.name, status: edition.status },
		refusal: invitationRefusal(edition),
		contactCampuses: plan.campuses.length - plan.withoutContact.length,
		withoutContact: plan.withoutContact.map((c) => ({ id: c.id, name: c.name, schoolName: c.schoolName })),
		previous: plan.previous,
		teacherCount: plan.teacherCount,
		total: chosen.length,
		newCount: chosen.filter((r) => !r.alreadySent).length,
		sample: sample ? `${sample.schoolName} – ${sample.name}` : null,
		preview,
		lastSentAt: last ? fromDbTime(last.createdAt) : null,
		sentTotal
	};
}

async function previews(db: Db, edition: Edition, recipient: MailRecipient) {
	const one = async (locale: Locale) => {
		const r = renderMail({ template: 'school_invitation', params: mailParams(edition, recipient, null) }, locale, await citySettings(db, locale));
		return { subject: r.subject, text: r.text };
	};
	return { nl: await one('nl'), en: await one('en') };
}

export interface InvitationSendResult {
	queued: number;
	contacts: number;
	teachers: number;
}

/**
 * Queues the invitation for every recipient not yet mailed for this edition, all
 * in one transaction. The outbox's unique dedupe key (one per edition and address)
 * decides between two sends at once: both insert in the same order (by key), so
 * the second waits on the first's row and then finds it taken, without deadlock.
 * The edition row is deliberately not locked: a long send must not hold up the
 * teachers enrolling in that edition. A send that queues something is audited.
 */
export async function sendSchoolInvitations(db: Kysely<Database>, actor: Actor, editionId: number, opts: InvitationOptions): Promise<InvitationSendResult> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const edition = await editionOrThrow(trx, editionId);
		const refusal = invitationRefusal(edition);
		if (refusal) throw new ConflictError(refusal);
		const plan = await planInvitations(trx, edition, opts);
		const result: InvitationSendResult = { queued: 0, contacts: 0, teachers: 0 };
		for (const r of plan.recipients.filter((x) => !x.alreadySent)) {
			const mail = { template: 'school_invitation' as const, params: mailParams(edition, r, plan.previous?.name ?? null) };
			if (!(await enqueueMailOnce(trx, { recipient: r.email, locale: r.locale, mail, dedupeKey: r.dedupeKey }))) continue;
			result.queued++;
			if (r.campuses.length) result.contacts++;
			else result.teachers++;
		}
		if (result.queued > 0) {
			await audit(trx, {
				actorId: actor.id,
				action: 'edition.schools_invited',
				entityType: 'edition',
				entityId: editionId,
				after: { ...result, includeTeachers: opts.includeTeachers, contactLocale: opts.contactLocale, withoutContact: plan.withoutContact.length }
			});
		}
		return result;
	});
}

/** How many invitations to enrol were queued for this edition (for the first-run checklist). */
export async function schoolInvitationsSent(db: Db, editionId: number): Promise<number> {
	return countDedupeKeysWithPrefix(db, invitationKeyPrefix(editionId));
}

/** Whether any edition's schools have been invited (the checklist's last step). */
export async function anySchoolInvitationsSent(db: Db): Promise<boolean> {
	return !!(await findAnyDedupeKeyWithPrefix(db, 'school-invitation:'));
}
