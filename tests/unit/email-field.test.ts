import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { forgotPasswordSchema, inviteUserSchema } from '../../src/lib/schemas/auth';
import { isEmail } from '../../src/lib/schemas/campus';

/** Attempts to turn one address field into extra headers or extra recipients. */
const injections = [
	'"Stad Kortrijk" <evil@example.com>',
	'Lies <lies@school.be>',
	'lies@school.be\r\nBcc: everyone@example.com',
	'lies@school.be\nSubject: hi',
	'lies@school.be, other@example.com',
	'lies@school.be;other@example.com',
	'lies @school.be'
];

describe('e-mail address fields', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('refuse display names, lists and line breaks with a message saying what to type', () => {
		for (const value of injections) {
			overwriteGetLocale(() => 'nl');
			const nl = forgotPasswordSchema.safeParse({ email: value });
			expect(nl.success, value).toBe(false);
			expect(nl.error!.issues[0].message).toBe('Vul alleen het e-mailadres in, zoals naam@school.be: zonder naam, tweede adres of regeleinde.');
			overwriteGetLocale(() => 'en');
			const en = inviteUserSchema.safeParse({ email: value, displayName: 'Lies', role: 'trainer' });
			expect(en.success, value).toBe(false);
			expect(en.error!.issues.find((i) => i.path[0] === 'email')?.message).toBe(
				'Enter only the e-mail address, like name@school.be: no name, second address or line break.'
			);
			expect(isEmail(value), value).toBe(false);
		}
	});

	it('still accept a plain address, with surrounding spaces trimmed', () => {
		expect(forgotPasswordSchema.parse({ email: '  lies.peeters+paars@school.be \n' }).email).toBe('lies.peeters+paars@school.be');
		expect(isEmail('contact@campus-centrum.be')).toBe(true);
	});
});
