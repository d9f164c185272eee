import type { Db } from '../db';
import { listEditionGrades } from '../campaigns/edition.repository';
import { campusHasLevel } from '../campuses/campus.repository';
import type { Row } from '../db/rows';
import type { Level } from '../db/schema';
import { ValidationError } from '../errors';
import { levelOfGrade } from '../../domain';
import { formatDate } from '../../time/brussels';
import type { ClassInput } from '../../schemas/enrolment';
import { checkPreferredHalfDays } from './preferred-half-days';

/** Checks a class against its edition and campus; returns the level its grade belongs to. */
export async function checkClassFits(
	db: Db,
	edition: Row<'editions'>,
	campusId: number,
	input: Pick<ClassInput, 'grade' | 'preferredHalfDays'>,
	locale: string
): Promise<Level> {
	const level = levelOfGrade(input.grade);
	if (!level) throw new ValidationError('error_grade_not_offered', 'grade');
	const offered = await listEditionGrades(db, edition.id);
	if (offered.length && !offered.includes(input.grade)) throw new ValidationError('error_grade_not_offered', 'grade');
	if (!(await campusHasLevel(db, campusId, level))) throw new ValidationError('error_grade_not_at_campus', 'grade');
	input.preferredHalfDays.forEach((day) => {
		if (day.localDate < edition.workshopStartsOn || day.localDate > edition.workshopEndsOn) {
			throw new ValidationError('error_half_day_outside_period', day.field, {
				from: formatDate(edition.workshopStartsOn, locale),
				to: formatDate(edition.workshopEndsOn, locale)
			});
		}
	});
	await checkPreferredHalfDays(db, edition, input.preferredHalfDays, locale);
	return level;
}
