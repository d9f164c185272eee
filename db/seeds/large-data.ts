import type { InstructionLanguage, Level } from '../../src/lib/server/db/schema';

/**
 * Ingredients of the Flanders-wide scale data set (db/seeds/large.ts). Names are
 * invented from common Flemish patterns; municipalities and postal codes are real
 * so addresses and searches read true.
 */
export const municipalities: [postalCode: string, city: string][] = [
	['1000', 'Brussel'],
	['1500', 'Halle'],
	['1800', 'Vilvoorde'],
	['1930', 'Zaventem'],
	['2000', 'Antwerpen'],
	['2100', 'Deurne'],
	['2200', 'Herentals'],
	['2300', 'Turnhout'],
	['2400', 'Mol'],
	['2500', 'Lier'],
	['2800', 'Mechelen'],
	['2900', 'Schoten'],
	['3000', 'Leuven'],
	['3200', 'Aarschot'],
	['3300', 'Tienen'],
	['3500', 'Hasselt'],
	['3600', 'Genk'],
	['3700', 'Tongeren'],
	['3800', 'Sint-Truiden'],
	['3900', 'Pelt'],
	['8000', 'Brugge'],
	['8300', 'Knokke-Heist'],
	['8400', 'Oostende'],
	['8500', 'Kortrijk'],
	['8560', 'Wevelgem'],
	['8700', 'Tielt'],
	['8800', 'Roeselare'],
	['8900', 'Ieper'],
	['9000', 'Gent'],
	['9100', 'Sint-Niklaas'],
	['9200', 'Dendermonde'],
	['9300', 'Aalst'],
	['9400', 'Ninove'],
	['9500', 'Geraardsbergen'],
	['9600', 'Ronse'],
	['9700', 'Oudenaarde'],
	['9800', 'Deinze'],
	['9900', 'Eeklo'],
	['8820', 'Torhout'],
	['8620', 'Nieuwpoort']
];

export const patrons = [
	'Sint-Jozef',
	'Sint-Maarten',
	'Sint-Lodewijk',
	'Onze-Lieve-Vrouw',
	'Sint-Jan',
	'Sint-Pieter',
	'Sint-Vincentius',
	'Sint-Amand',
	'Heilig Hart',
	'Sint-Rembert',
	'De Regenboog',
	'De Klimop',
	'Het Kompas',
	'De Zonnebloem',
	'De Vlinder',
	'Het Anker',
	'De Horizon',
	'Het Talent',
	'De Boomhut',
	'De Wegwijzer',
	'Ter Beke',
	'Ter Linde',
	'De Sterrenkijker',
	'Zoë Borluut',
	'Emiel Verhaeren',
	'Guido Gezelle',
	'Hendrik Conscience',
	'Stijn Streuvels'
];

export const districts = ['Centrum', 'Noord', 'Zuid', 'Oost', 'West', 'Molenhoek', 'Kerkhof', 'Stationswijk', 'Heide', 'Ter Duinen', 'Kouter', 'Dries'];

export const streets = [
	'Kerkstraat',
	'Schoolstraat',
	'Stationsstraat',
	'Molenstraat',
	'Nieuwstraat',
	'Dorpsstraat',
	'Kapelstraat',
	'Beekstraat',
	'Lindelaan',
	'Kasteeldreef'
];

/** School types: name prefix, levels of every campus, and how common the type is (weights add to 100). */
export const schoolTypes: { prefix: string; levels: Level[]; weight: number }[] = [
	{ prefix: 'Vrije Basisschool', levels: ['kleuter', 'lager'], weight: 34 },
	{ prefix: 'Gemeentelijke Basisschool', levels: ['kleuter', 'lager'], weight: 14 },
	{ prefix: 'GO! Basisschool', levels: ['kleuter', 'lager'], weight: 10 },
	{ prefix: 'Sint-', levels: ['secundair'], weight: 14 },
	{ prefix: 'GO! Atheneum', levels: ['secundair'], weight: 10 },
	{ prefix: 'Technisch Instituut', levels: ['secundair'], weight: 8 },
	{ prefix: 'School voor Buitengewoon Basisonderwijs', levels: ['buitengewoon_basis'], weight: 5 },
	{ prefix: 'Buitengewoon Secundair Onderwijs', levels: ['buitengewoon_secundair'], weight: 4 },
	{ prefix: 'Hogeschool', levels: ['hoger'], weight: 1 }
];

/** Grades per level with relative weights: the campaign reaches the upper years of primary and the first of secondary most. */
export const gradeWeights: Record<Level, [grade: string, weight: number][]> = {
	kleuter: [
		['K1', 1],
		['K2', 1],
		['K3', 2]
	],
	lager: [
		['L1', 1],
		['L2', 1],
		['L3', 2],
		['L4', 2],
		['L5', 4],
		['L6', 4]
	],
	secundair: [
		['S1', 4],
		['S2', 4],
		['S3', 3],
		['S4', 3],
		['S5', 2],
		['S6', 2],
		['S7', 1]
	],
	buitengewoon_basis: [['BB', 1]],
	buitengewoon_secundair: [['BS', 1]],
	hoger: [['HO', 1]]
};

export const languageWeights: [InstructionLanguage, number][] = [
	['nl', 96],
	['fr', 2],
	['en', 1],
	['de', 1]
];

/** Practical remarks some teachers write; the export must never contain them. */
export const remarks = ['Graag in de voormiddag.', 'Twee leerlingen met een rolstoel: lokaal op het gelijkvloers.', 'Liefst niet op woensdag.'];

export const firstNames = [
	'An',
	'Bram',
	'Charlotte',
	'Dries',
	'Elke',
	'Fien',
	'Gert',
	'Hanne',
	'Ilias',
	'Jolien',
	'Karel',
	'Lotte',
	'Mohamed',
	'Nele',
	'Ömer',
	'Pieter',
	'Sara',
	'Zoë'
];
export const lastNames = [
	'Peeters',
	'Janssens',
	'Maes',
	'Jacobs',
	'Mertens',
	'Willems',
	'Claes',
	'Goossens',
	'Wouters',
	'De Smet',
	'Vermeulen',
	'El Amrani',
	'Yılmaz',
	'Vandamme'
];

/** mulberry32: the same data on every run and database. */
export function prng(seed: number) {
	let a = seed;
	const next = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const weighted = <T>(list: readonly (readonly [T, number])[]) => {
		let r = next() * list.reduce((s, [, w]) => s + w, 0);
		for (const [v, w] of list) if ((r -= w) < 0) return v;
		return list[list.length - 1][0];
	};
	return { next, int, pick, weighted };
}
export type Rng = ReturnType<typeof prng>;
