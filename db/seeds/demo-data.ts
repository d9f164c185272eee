import type { Level } from '../../src/lib/server/db/schema';

/**
 * The Kortrijk PAARS demo. Schools and people are invented; streets and postal
 * codes are Kortrijk's so the addresses read true.
 */
export const demoPassword = 'Paars-demo-2026';

export const settings: { key: string; value?: string; nl?: string; en?: string }[] = [
	{ key: 'city_name', nl: 'Stad Kortrijk', en: 'City of Kortrijk' },
	{ key: 'city_short_name', nl: 'Kortrijk', en: 'Kortrijk' },
	{ key: 'accent_color', value: '#6b2d8f' },
	{ key: 'contact_email', value: 'gelijkekansen@example.org' },
	{ key: 'website_url', value: 'https://www.kortrijk.be' },
	{ key: 'dpo_name', value: 'Sofie Vermeulen' },
	{ key: 'dpo_email', value: 'privacy@example.org' },
	{ key: 'accessibility_email', value: 'toegankelijkheid@example.org' },
	// The footer's help links: value is the address, nl/en the label.
	{
		key: 'help_link_1',
		value: 'https://www.unia.be',
		nl: 'Meldpunt discriminatie: Unia, de onafhankelijke openbare instelling voor gelijke kansen',
		en: 'Reporting discrimination: Unia, the independent public institution for equal opportunities'
	},
	{
		key: 'help_link_2',
		value: 'https://www.lumi.be',
		nl: 'Vragen over gender of seksualiteit? Praat anoniem met Lumi',
		en: 'Questions about gender or sexuality? Talk anonymously with Lumi'
	}
];

export const organisations = [
	{
		name: 'Wel Jong',
		kind: 'expert' as const,
		contact: { contactName: 'Noor Vandamme', contactEmail: 'vorming@weljong.example.org', phone: '09 223 69 29', website: 'https://www.weljong.be' }
	},
	{
		name: 'çavaria',
		kind: 'expert' as const,
		contact: { contactName: 'Jonas De Smet', contactEmail: 'scholen@cavaria.example.org', phone: '09 223 69 29', website: 'https://cavaria.be' }
	}
];

interface DemoCampus {
	name: string;
	street: string;
	postalCode: string;
	city: string;
	levels: Level[];
	contact: string;
}

export const schools: { name: string; instellingsnummer: string; campuses: DemoCampus[] }[] = [
	{
		name: 'Sint-Maartenscollege',
		instellingsnummer: '900101',
		campuses: [
			{ name: 'Campus Centrum', street: 'Budastraat 12', postalCode: '8500', city: 'Kortrijk', levels: ['secundair'], contact: 'Els Vandamme' },
			{ name: 'Campus Hoog Kortrijk', street: 'Etienne Sabbelaan 40', postalCode: '8500', city: 'Kortrijk', levels: ['secundair'], contact: 'Pieter Declercq' }
		]
	},
	{
		name: 'Basisschool De Regenboog',
		instellingsnummer: '900202',
		campuses: [
			{ name: 'Campus Overleie', street: 'Overleiestraat 55', postalCode: '8500', city: 'Kortrijk', levels: ['kleuter', 'lager'], contact: 'Sofie Lambrecht' },
			{ name: 'Campus Heule', street: 'Heulsekasteelstraat 8', postalCode: '8501', city: 'Heule', levels: ['kleuter', 'lager'], contact: 'Tom Verhaeghe' }
		]
	},
	{
		name: 'Atheneum Leiestad',
		instellingsnummer: '900303',
		campuses: [
			{ name: 'Campus Stationsplein', street: 'Stationsplein 3', postalCode: '8500', city: 'Kortrijk', levels: ['secundair'], contact: 'Nadia El Amrani' },
			{ name: 'Campus Marke', street: 'Markebekestraat 21', postalCode: '8510', city: 'Marke', levels: ['kleuter', 'lager'], contact: 'Jonas Vermeulen' }
		]
	},
	{
		name: 'Vrije Basisschool Bellegem',
		instellingsnummer: '900404',
		campuses: [{ name: 'Campus Dorp', street: 'Bellegemplaats 1', postalCode: '8510', city: 'Bellegem', levels: ['kleuter', 'lager'], contact: 'An Deleu' }]
	},
	{
		name: 'School De Vlinder (buitengewoon onderwijs)',
		instellingsnummer: '900505',
		campuses: [
			{
				name: 'Campus Bissegem',
				street: 'Meensesteenweg 310',
				postalCode: '8501',
				city: 'Bissegem',
				levels: ['buitengewoon_basis', 'buitengewoon_secundair'],
				contact: 'Lotte Maes'
			}
		]
	}
];

export interface DemoUser {
	email: string;
	name: string;
	roles: ('coordinator' | 'trainer' | 'teacher')[];
	organisation?: string;
	/** "School name / Campus name" for teachers. */
	campuses?: string[];
	locale?: 'nl' | 'en';
	/** Plans the workshops of their organisation's trainers. */
	planner?: boolean;
}

export const users: DemoUser[] = [
	{ email: 'coordinator@example.org', name: 'Griet Coppens', roles: ['coordinator'] },
	{ email: 'trainer@example.org', name: 'Robin Claeys', roles: ['trainer'], organisation: 'Wel Jong' },
	{ email: 'teacher@example.org', name: 'Lies Vanhoutte', roles: ['teacher'], campuses: ['Sint-Maartenscollege / Campus Centrum'] },
	{ email: 'trainer.cavaria@example.org', name: 'Sami Benali', roles: ['trainer'], organisation: 'çavaria', planner: true },
	{ email: 'trainer2@example.org', name: 'Noor De Smet', roles: ['trainer'], organisation: 'Wel Jong', locale: 'en' },
	{
		email: 'teacher.trainer@example.org',
		name: 'Jelle Desmet',
		roles: ['teacher', 'trainer'],
		organisation: 'çavaria',
		campuses: ['Atheneum Leiestad / Campus Stationsplein']
	},
	{
		email: 'teacher.regenboog@example.org',
		name: 'Fien Goethals',
		roles: ['teacher'],
		campuses: ['Basisschool De Regenboog / Campus Overleie', 'Basisschool De Regenboog / Campus Heule']
	},
	{ email: 'teacher.bellegem@example.org', name: 'Wout Callens', roles: ['teacher'], campuses: ['Vrije Basisschool Bellegem / Campus Dorp'] },
	{ email: 'teacher.vlinder@example.org', name: 'Hanne Deprez', roles: ['teacher'], campuses: ['School De Vlinder (buitengewoon onderwijs) / Campus Bissegem'] }
];

export const campaign = {
	website: 'https://www.paars.be',
	/** Purple, 8.8:1 against white text (AA). */
	colour: '#6b2c91',
	name: 'PAARS',
	descriptionNl:
		'PAARS is de Vlaamse campagne rond 17 mei, de internationale dag tegen homo-, bi-, inter- en transfobie. Scholen krijgen gratis lesmateriaal, een pakket met paarse polsbandjes en de PAARS-krant of de boekjes over Sam en Lily, en workshops door Wel Jong en çavaria.',
	descriptionEn:
		'PAARS is the Flemish campaign around 17 May, the international day against homophobia, biphobia, interphobia and transphobia. Schools get free teaching material, a kit with purple wristbands and the PAARS newspaper or the Sam and Lily booklets, and workshops by Wel Jong and çavaria.'
};
