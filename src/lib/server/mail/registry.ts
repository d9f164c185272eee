import type { Locale } from '../db/schema';
import type { Parts } from './parts';
import { certificateAvailableParts } from './kinds/certificate-available';
import { classEnrolledParts, classPromotedParts, classWaitingParts } from './kinds/class-enrolment';
import { classesDecidedParts } from './kinds/classes-decided';
import { classWithdrawnParts } from './kinds/class-withdrawn';
import { dataDeletionParts } from './kinds/data-deletion';
import { emailConfirmParts } from './kinds/email-confirm';
import { inviteParts } from './kinds/invite';
import { kitOrderParts } from './kinds/kit-order';
import { loginLinkParts } from './kinds/login-link';
import { passwordResetParts } from './kinds/password-reset';
import { registerExistingParts } from './kinds/register-existing';
import { retentionWarningParts } from './kinds/retention-warning';
import { schoolInvitationParts } from './kinds/school-invitation';
import { teacherEvaluationParts } from './kinds/teacher-evaluation';
import { waitingListNoticeParts } from './kinds/waiting-list-notice';
import { workshopMailParts } from './kinds/workshop';

/**
 * Every mail kind by its template name (the outbox's `template` column). A kind
 * is one file in kinds/: its params and its text. Adding one is a file and
 * a line here; MailTemplate follows from this table.
 */
const kinds = {
	email_confirm: emailConfirmParts,
	invite: inviteParts,
	password_reset: passwordResetParts,
	class_enrolled: classEnrolledParts,
	class_waiting: classWaitingParts,
	class_promoted: classPromotedParts,
	classes_decided: classesDecidedParts,
	workshop: workshopMailParts,
	login_link: loginLinkParts,
	class_withdrawn: classWithdrawnParts,
	kit_order: kitOrderParts,
	certificate_available: certificateAvailableParts,
	waiting_list_notice: waitingListNoticeParts,
	school_invitation: schoolInvitationParts,
	data_deletion: dataDeletionParts,
	register_existing: registerExistingParts,
	retention_warning: retentionWarningParts,
	teacher_evaluation: teacherEvaluationParts
};

type Kinds = typeof kinds;

/** A mail to queue: its template name and that kind's params. */
export type MailTemplate = { [K in keyof Kinds]: { template: K; params: Parameters<Kinds[K]>[0] } }[keyof Kinds];

/** What the mail's kind says, in the recipient's language; `city` is the city's name. */
export function mailParts(mail: MailTemplate, locale: Locale, city: string): Parts {
	// The union pairs each template with its params, which TypeScript cannot follow through the lookup.
	const parts = kinds[mail.template] as (params: MailTemplate['params'], locale: Locale, city: string) => Parts;
	return parts(mail.params, locale, city);
}
