import type { Kysely } from 'kysely';
import { redactAuditJson } from '../audit/redact';
import type { Database } from '../db/schema';
import { clock, fromDbTime, type DbTime } from '../db/time';
import { NotFoundError } from '../errors';
import { evaluationsAnsweredBy } from '../evaluations/evaluation.service';
import * as repo from './my-data.repository';

/** Instants as ISO 8601 UTC in the file: what every program reads. */
const iso = (t: DbTime | Date | null | undefined) => (t ? fromDbTime(t).toISOString() : null);

/**
 * Everything the app holds about the signed-in person, as one JSON document
 * (right of access, GDPR art. 15): profile, roles, devices, campuses, the classes
 * they enrolled (counts, as always), their kit orders, workshops, the mails sent
 * to them, audit entries by or about them (redacted like the audit view) and
 * their deletion requests, and the workshop evaluations they answered. Never a secret, never another person's name.
 */
export async function exportMyData(db: Kysely<Database>, userId: number) {
	const profile = await repo.profileOf(db, userId);
	if (!profile) throw new NotFoundError();
	const [roles, sessions, campuses, classes, orders, classWorkshops, givenWorkshops, mails, audit, requests, evaluations] = await Promise.all([
		repo.rolesOf(db, userId),
		repo.sessionsOf(db, userId),
		repo.campusesOf(db, userId),
		repo.classesEnrolledBy(db, userId),
		repo.kitOrdersPlacedBy(db, userId),
		repo.workshopsOfClassesBy(db, userId),
		repo.workshopsGivenBy(db, userId),
		repo.mailsTo(db, profile.email),
		repo.auditOfPerson(db, userId),
		repo.deletionRequestsOf(db, userId),
		evaluationsAnsweredBy(db, userId)
	]);
	const lines = await repo.kitOrderLinesOf(
		db,
		orders.map((o) => o.id)
	);
	return {
		exportedAt: clock.now().toISOString(),
		profile: {
			...profile,
			disabled: profile.disabled === 1,
			planner: profile.planner === 1,
			mailReminders: profile.mailReminders === 1,
			mailFollowUps: profile.mailFollowUps === 1,
			emailConfirmedAt: iso(profile.emailConfirmedAt),
			lastLoginAt: iso(profile.lastLoginAt),
			createdAt: iso(profile.createdAt),
			updatedAt: iso(profile.updatedAt),
			roles: roles.map((r) => ({ role: r.role, since: iso(r.createdAt) }))
		},
		devices: sessions.map((s) => ({ device: s.deviceLabel, loggedInAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt) })),
		campuses: campuses.map((c) => ({ ...c, linkedAt: iso(c.linkedAt) })),
		classes: classes.map((c) => ({ ...c, createdAt: iso(c.createdAt), withdrawnAt: iso(c.withdrawnAt) })),
		kitOrders: orders.map((o) => ({
			...o,
			createdAt: iso(o.createdAt),
			lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ itemNl: l.nameNl, itemEn: l.nameEn, quantity: l.quantity }))
		})),
		workshops: {
			ofMyClasses: classWorkshops.map((w) => ({ ...w, startsAt: iso(w.startsAt), endsAt: iso(w.endsAt) })),
			asTrainer: givenWorkshops.map((w) => ({
				...w,
				startsAt: iso(w.startsAt),
				endsAt: iso(w.endsAt),
				bookedAt: iso(w.bookedAt),
				cancelledAt: iso(w.cancelledAt)
			}))
		},
		// The workshop evaluations they answered (issue 19.1), with their remarks: their own words.
		evaluations,
		mails: mails.map((mail) => ({ ...mail, createdAt: iso(mail.createdAt), sentAt: iso(mail.sentAt) })),
		audit: audit.map((a) => ({
			at: iso(a.createdAt),
			action: a.action,
			entity: `${a.entityType}:${a.entityId}`,
			before: redactAuditJson(a.beforeJson),
			after: redactAuditJson(a.afterJson)
		})),
		deletionRequests: requests.map((r) => ({ ...r, requestedAt: iso(r.requestedAt), resolvedAt: iso(r.resolvedAt) }))
	};
}

export type MyData = Awaited<ReturnType<typeof exportMyData>>;
