import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Locale } from '../db/schema';
import { emailKey } from '../db/keys';
import { publicOrigin } from '../config';
import { formatInviteCode } from '../../invite-code';
import type { SchoolInvitationCampus } from '../mail/kinds/school-invitation';
import {
	existingDedupeKeys,
	findPreviousEdition,
	listActiveUsersByEmailKey,
	listEditionTeachers,
	listInvitableCampuses
} from './school-invitations.repository';

/**
 * Who gets an edition's invitation to enrol: every campus contact with an
 * address and, when chosen, the previous edition's teachers, one mail per
 * address. An address's dedupe key is fixed per edition, so the outbox's unique
 * key lets each address through once, however often or concurrently it is sent.
 */
export interface InvitationOptions {
	includeTeachers: boolean;
	/** The language of contacts without an account. */
	contactLocale: Locale;
}

export interface Recipient {
	email: string;
	name: string;
	locale: Locale;
	campuses: SchoolInvitationCampus[];
	/** Has a teacher account: the mail points to login instead of registration. */
	account: boolean;
	/** Enrolled a class in the previous edition (and that list was chosen). */
	previousTeacher: boolean;
	dedupeKey: string;
	alreadySent: boolean;
}

export type InvitableCampus = Awaited<ReturnType<typeof listInvitableCampuses>>[number];

export const invitationKeyPrefix = (editionId: number) => `school-invitation:${editionId}:`;

/** A hash keeps the key short (the column holds 191 characters, an address up to 254) and the address out of it. */
export const invitationDedupeKey = (editionId: number, address: string) =>
	invitationKeyPrefix(editionId) + createHash('sha256').update(emailKey(address)).digest('hex').slice(0, 40);

export const registerUrl = (code: string) => `${publicOrigin()}/register?code=${encodeURIComponent(code)}`;
export const enrolLoginUrl = (editionId: number) => `${publicOrigin()}/login?next=${encodeURIComponent(`/teacher/editions/${editionId}/enrol`)}`;

export const mailCampus = (c: InvitableCampus): SchoolInvitationCampus => ({
	school: c.schoolName,
	campus: c.name,
	code: formatInviteCode(c.inviteCode),
	url: registerUrl(c.inviteCode)
});

const hasAddress = (c: InvitableCampus) => !!c.contactEmail && c.contactEmail.trim() !== '';

function contactRecipients(campuses: InvitableCampus[], locale: Locale): Map<string, Omit<Recipient, 'dedupeKey' | 'alreadySent'>> {
	const byKey = new Map<string, Omit<Recipient, 'dedupeKey' | 'alreadySent'>>();
	for (const c of campuses.filter(hasAddress)) {
		const key = emailKey(c.contactEmail!);
		const known = byKey.get(key);
		if (known) known.campuses.push(mailCampus(c));
		else
			byKey.set(key, {
				email: c.contactEmail!.trim(),
				name: c.contactName?.trim() || c.schoolName,
				locale,
				campuses: [mailCampus(c)],
				account: false,
				previousTeacher: false
			});
	}
	return byKey;
}

export interface InvitationPlan {
	campuses: InvitableCampus[];
	withoutContact: InvitableCampus[];
	previous: { id: number; name: string } | null;
	teacherCount: number;
	recipients: Recipient[];
}

/** The recipients of an edition's invitation as things stand; `alreadySent` marks those the outbox has. */
export async function planInvitations(db: Db, edition: Pick<Row<'editions'>, 'id' | 'campaignId' | 'year'>, opts: InvitationOptions): Promise<InvitationPlan> {
	const campuses = await listInvitableCampuses(db);
	const byKey = contactRecipients(campuses, opts.contactLocale);
	const previous = (await findPreviousEdition(db, edition)) ?? null;
	const teachers = previous ? await listEditionTeachers(db, previous.id) : [];
	// Contacts who have a teacher account read the mail in their own language and log in.
	for (const u of await listActiveUsersByEmailKey(db, [...byKey.keys()]))
		Object.assign(byKey.get(u.emailKey)!, { email: u.email, locale: u.locale, account: true });
	if (opts.includeTeachers) {
		for (const t of teachers) {
			const known = byKey.get(t.emailKey);
			const teacher = { email: t.email, name: t.displayName, locale: t.locale, account: true, previousTeacher: true };
			if (known) Object.assign(known, teacher);
			else byKey.set(t.emailKey, { ...teacher, campuses: [] });
		}
	}
	const keyed = [...byKey.values()].map((r) => ({ ...r, dedupeKey: invitationDedupeKey(edition.id, r.email) }));
	const sent = await existingDedupeKeys(
		db,
		keyed.map((r) => r.dedupeKey)
	);
	// A fixed order (by key) means two concurrent sends insert in the same order and never deadlock.
	const recipients = keyed.map((r) => ({ ...r, alreadySent: sent.has(r.dedupeKey) })).sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
	return { campuses, withoutContact: campuses.filter((c) => !hasAddress(c)), previous, teacherCount: teachers.length, recipients };
}
