import { describe, expect, it } from 'vitest';
import { auditSummary } from '../../src/lib/server/audit/audit-summary';
import { hiddenValue, redactAuditDetails } from '../../src/lib/server/audit/redact';

describe('audit redaction', () => {
	it('drops secrets and pupils’ names by key, at any depth', () => {
		const details = {
			status: 'enrolled',
			passwordHash: '$argon2id$v=19$m=19456',
			password: 'Paarse polsbandjes 2027',
			tokenHash: 'abc',
			sessionId: 'def',
			inviteCode: 'K7QW2M9XPL4T',
			inviteCodeEnd: 'PL4T',
			nested: { pupilNames: ['Jan', 'Piet'], firstNames: 'Mila', names: ['Noor'], pupilCount: 22 },
			list: [{ token: 't1', campusId: 3 }]
		};
		expect(redactAuditDetails(details)).toEqual({
			status: 'enrolled',
			inviteCodeEnd: 'PL4T',
			nested: { pupilCount: 22 },
			list: [{ campusId: 3 }]
		});
	});

	it('hides free text and contact details but says there was a value', () => {
		expect(
			redactAuditDetails({ remarks: 'Jan heeft dyslexie', reason: 'Sofie ziek', contactEmail: 'x@y.be', email: 'a@b.be', note: '', reportNote: null })
		).toEqual({
			remarks: hiddenValue,
			reason: hiddenValue,
			contactEmail: hiddenValue,
			email: hiddenValue,
			note: '',
			reportNote: null
		});
	});

	it('hides values shaped like a secret whatever their key', () => {
		const digest = 'a'.repeat(64);
		expect(redactAuditDetails({ file: digest, link: 'https://x.be/invite/abcDEF123', url: 'https://weljong.be' })).toEqual({
			file: hiddenValue,
			link: hiddenValue,
			url: 'https://weljong.be'
		});
	});

	it('summarises what changed in readable words, without the secrets', () => {
		expect(auditSummary(JSON.stringify({ status: 'waiting', pupilCount: 20 }), JSON.stringify({ status: 'enrolled', pupilCount: 20 }))).toBe(
			'status: waiting → enrolled'
		);
		expect(auditSummary(null, JSON.stringify({ campusId: 4, remarks: 'Jan', passwordHash: 'x' }), '(verborgen)')).toBe('campusId: 4; remarks: (verborgen)');
		expect(auditSummary(null, JSON.stringify({ classIds: [1, 2, 3, 4, 5, 6, 7, 8] }))).toBe('classIds: 1, 2, 3, 4, 5, 6, … (8)');
		expect(auditSummary('not json', null)).toBe('');
	});
});
