import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { inviteUserSchema, loginSchema, registerSchema } from '../../src/lib/schemas/auth';

function errorsOf(schema: z.ZodType, input: unknown, locale: 'nl' | 'en') {
	overwriteGetLocale(() => locale);
	const result = schema.safeParse(input, { error: (locale === 'en' ? z.locales.en() : z.locales.nl()).localeError });
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const valid = { displayName: 'Zoë Peeters', email: 'zoe@school.be', password: 'Paarse polsbandjes 2027', inviteCode: 'abcd-efgh-jkmn' };

describe('the registration form', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('accepts a good registration and normalises the code and the name', () => {
		const parsed = registerSchema.parse({ ...valid, displayName: '  Zoe\u0308 Peeters ' });
		expect(parsed.inviteCode).toBe('ABCDEFGHJKMN');
		expect(parsed.displayName).toBe('Zoë Peeters');
	});

	it('explains each wrong field in Dutch', () => {
		const errors = errorsOf(registerSchema, { displayName: '', email: 'zoe@', password: 'kort', inviteCode: 'ABC' }, 'nl');
		expect(errors).toEqual({
			displayName: 'Vul dit veld in.',
			email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@school.be.',
			password: 'Kies een wachtwoord van minstens 10 tekens.',
			inviteCode: 'Een campuscode heeft 12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKMN.'
		});
	});

	it('explains each wrong field in English', () => {
		const errors = errorsOf(registerSchema, { ...valid, password: 'wachtwoord123', displayName: 'x'.repeat(101) }, 'en');
		expect(errors).toEqual({
			password: 'This password is too common or too easy to guess. Choose another, for example a short sentence.',
			displayName: 'Use at most 100 characters.'
		});
	});

	it('refuses control and invisible characters in a name', () => {
		expect(errorsOf(registerSchema, { ...valid, displayName: 'Zoë\u0000' }, 'nl').displayName).toBe('Gebruik geen onzichtbare of speciale stuurtekens.');
		expect(errorsOf(registerSchema, { ...valid, displayName: 'Zo\u202Eë' }, 'nl').displayName).toBe('Gebruik geen onzichtbare of speciale stuurtekens.');
	});

	it('says a missing field is required rather than showing a type error', () => {
		expect(errorsOf(loginSchema, {}, 'en')).toEqual({ email: 'Please fill in this field.', password: 'Please fill in this field.' });
	});

	it('refuses an over-long e-mail address before the database would', () => {
		expect(errorsOf(loginSchema, { email: `${'a'.repeat(250)}@x.be`, password: 'x' }, 'nl').email).toBe('Gebruik hoogstens 254 tekens.');
	});
});

describe('the invitation form', () => {
	it('requires an organisation for a trainer but not for a coordinator', () => {
		const base = { email: 'a@b.be', displayName: 'A', locale: 'nl' };
		expect(errorsOf(inviteUserSchema, { ...base, role: 'trainer', organisationId: '' }, 'nl')).toEqual({
			organisationId: 'Kies de organisatie van de trainer.'
		});
		expect(errorsOf(inviteUserSchema, { ...base, role: 'coordinator', organisationId: '' }, 'nl')).toEqual({});
		expect(errorsOf(inviteUserSchema, { ...base, role: 'admin', organisationId: '' }, 'nl')).toEqual({ role: 'Kies een van de mogelijkheden.' });
	});
});
