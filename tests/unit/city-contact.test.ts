import { describe, expect, it } from 'vitest';
import { statementContact, type StatementCity } from '../../src/routes/(public)/city-contact';
import { isWebAddress } from '../../src/lib/schemas/city-settings';

const city: StatementCity = {
	cityName: 'Stad Gent',
	contactEmail: 'info@stad.gent',
	website: 'https://stad.gent',
	dpoName: 'Sofie',
	dpoEmail: 'dpo@stad.gent',
	accessibilityEmail: null
};

describe('whom the privacy and accessibility statements name', () => {
	it('names the DPO and the accessibility contact when they are set', () => {
		expect(statementContact(city, 'privacy')).toEqual({ email: 'dpo@stad.gent', own: true, person: 'Sofie', website: 'https://stad.gent' });
		expect(statementContact({ ...city, accessibilityEmail: 'a11y@stad.gent' }, 'accessibility')).toMatchObject({
			email: 'a11y@stad.gent',
			own: true,
			person: null
		});
	});

	it('falls back to the general contact address, then to the website, then to nothing', () => {
		expect(statementContact(city, 'accessibility')).toMatchObject({ email: 'info@stad.gent', own: false });
		expect(statementContact({ ...city, dpoEmail: null, contactEmail: null }, 'privacy')).toMatchObject({ email: null, website: 'https://stad.gent' });
		expect(statementContact(undefined, 'privacy')).toEqual({ email: null, own: false, person: null, website: null });
	});
});

describe('web addresses in the city settings', () => {
	it('accepts only full http(s) addresses', () => {
		expect(['https://www.unia.be', 'http://lumi.be/chat?x=1'].map(isWebAddress)).toEqual([true, true]);
		expect(['javascript:alert(1)', 'data:text/html,x', 'www.unia.be', 'https://localhost', 'https://un ia.be', 'ftp://unia.be'].map(isWebAddress)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false
		]);
	});
});
