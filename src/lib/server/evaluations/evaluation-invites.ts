import { listClassesWithCertificate } from '../certificates/certificate-mail.repository';
import { publicOrigin } from '../config';
import type { Db } from '../db';
import { enqueueMailOnce } from '../mail/outbox';
import { listActiveQuestionsOfEdition } from './questions.repository';
import { findClassForEvaluation } from './evaluation.repository';

/**
 * Called in the transaction that reports a workshop as given: each of its
 * classes' teachers (the one who enrolled the class, as for every class mail) is
 * invited to evaluate it, in their language, with a link to the class page. Only
 * when the campaign asks questions and the edition is not archived; once per
 * class ever (the dedupe key), so a corrected report or a second workshop of the
 * class queues nothing new. The teachers are those the certificate mail reaches.
 */
export async function mailEvaluationInvites(db: Db, slotId: number): Promise<number> {
	const rows = await listClassesWithCertificate(db, slotId);
	if (!rows.length) return 0;
	const [questions, cls] = await Promise.all([listActiveQuestionsOfEdition(db, rows[0].editionId, 'teacher'), findClassForEvaluation(db, rows[0].classId)]);
	if (!questions.length || cls?.editionStatus === 'archived') return 0;
	let queued = 0;
	for (const row of rows) {
		const created = await enqueueMailOnce(db, {
			recipient: row.email,
			locale: row.locale,
			mail: {
				template: 'teacher_evaluation',
				params: {
					name: row.displayName,
					className: row.className,
					campus: `${row.school} – ${row.campus}`,
					edition: row.edition,
					url: `${publicOrigin()}/teacher/classes/${row.classId}#evaluation`
				}
			},
			dedupeKey: `teacher_evaluation:class:${row.classId}`
		});
		if (created) queued++;
	}
	return queued;
}
