import { describe, expect, it } from 'vitest';
import { enrolmentPhase, isOpenForEnrolment } from '../../src/lib/server/campaigns/edition-rules';

const edition = (status: 'draft' | 'published' | 'archived') => ({
	status,
	enrolmentOpensAt: '2027-01-10 08:00:00.000',
	enrolmentClosesAt: '2027-04-15 21:59:00.000'
});

describe('whether an edition takes enrolments', () => {
	it('follows the window of a published edition: start included, end excluded', () => {
		expect(isOpenForEnrolment(edition('published'), new Date('2027-01-10T07:59:59.999Z'))).toBe(false);
		expect(isOpenForEnrolment(edition('published'), new Date('2027-01-10T08:00:00.000Z'))).toBe(true);
		expect(isOpenForEnrolment(edition('published'), new Date('2027-04-15T21:58:59Z'))).toBe(true);
		expect(isOpenForEnrolment(edition('published'), new Date('2027-04-15T21:59:00Z'))).toBe(false);
	});

	it('is never open for a draft or archived edition, whatever the window', () => {
		const inside = new Date('2027-02-01T10:00:00Z');
		expect(isOpenForEnrolment(edition('draft'), inside)).toBe(false);
		expect(isOpenForEnrolment(edition('archived'), inside)).toBe(false);
		expect(enrolmentPhase(edition('draft'), inside)).toBe('draft');
	});

	it('names the phase before, during and after the window', () => {
		expect(enrolmentPhase(edition('published'), new Date('2027-01-01T00:00:00Z'))).toBe('not_yet_open');
		expect(enrolmentPhase(edition('published'), new Date('2027-02-01T00:00:00Z'))).toBe('open');
		expect(enrolmentPhase(edition('published'), new Date('2027-05-01T00:00:00Z'))).toBe('closed');
	});
});
