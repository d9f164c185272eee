import type { ReportInput } from '../../src/lib/server/workshops/trainers/report.service';

/**
 * The demo's workshops. `day` indexes the days of demo-workshop-days.ts (0 is the
 * first). Times follow a secondary school's lesson hours; the first booked
 * trainer reports. Notes never name pupils.
 */
export interface DemoSlot {
	day: number;
	campus: string;
	from: string;
	to: string;
	room: string | null;
	/** Offered to this organisation only; null: to all. */
	org: 'Wel Jong' | 'çavaria' | null;
	trainers?: 2;
	max: number | null;
	english?: true;
	note?: string;
	classes: string[];
	/** Trainers' e-mail addresses, in booking order. */
	booked?: string[];
	/** Put on the slot by the coordinator rather than booked by the trainer. */
	assigned?: true;
	cancel?: string;
	report?: ReportInput;
}

const robin = 'trainer@example.org';
const noor = 'trainer2@example.org';
const sami = 'trainer.cavaria@example.org';
const jelle = 'teacher.trainer@example.org';

/**
 * The upcoming edition, from the first possible day on: Robin (trainer@) gives
 * two workshops (one for Lies's class 1A) and can still book five open ones
 * (2B at Campus Centrum, the second place at Heule, Heule's and Overleie's
 * afternoons, Stationsplein's afternoon); one slot is cancelled.
 */
export const upcomingSlots: DemoSlot[] = [
	{
		day: 0,
		campus: 'Campus Centrum',
		from: '08:30',
		to: '09:20',
		room: 'Lokaal 1.04',
		org: 'Wel Jong',
		max: 30,
		classes: ['1A'],
		booked: [robin],
		note: 'Meld je aan bij het onthaal; er is een beamer.'
	},
	{ day: 0, campus: 'Campus Centrum', from: '09:30', to: '10:20', room: 'Lokaal 1.04', org: 'Wel Jong', max: 30, classes: ['2B'] },
	{ day: 0, campus: 'Campus Centrum', from: '10:35', to: '11:25', room: 'Lokaal 1.04', org: null, max: 30, classes: ['3 Latijn'], booked: [jelle] },
	{
		day: 1,
		campus: 'Campus Stationsplein',
		from: '08:30',
		to: '09:20',
		room: 'Polyvalente zaal',
		org: 'çavaria',
		trainers: 2,
		max: 50,
		classes: ['1A', '1B'],
		booked: [sami],
		note: 'Twee klassen samen, daarom twee trainers.'
	},
	{
		day: 1,
		campus: 'Campus Stationsplein',
		from: '09:30',
		to: '10:20',
		room: 'Polyvalente zaal',
		org: 'çavaria',
		trainers: 2,
		max: 50,
		classes: ['2A', '2B'],
		booked: [sami, jelle]
	},
	{
		day: 1,
		campus: 'Campus Stationsplein',
		from: '10:35',
		to: '11:25',
		room: 'Lokaal 2.11',
		org: null,
		max: 30,
		english: true,
		classes: ['5A'],
		booked: [noor],
		assigned: true,
		note: 'CLIL-klas: de workshop is in het Engels.'
	},
	{ day: 2, campus: 'Campus Overleie', from: '08:30', to: '09:20', room: 'Polyvalente zaal', org: 'Wel Jong', max: 30, classes: ['L5'], booked: [robin] },
	{ day: 2, campus: 'Campus Overleie', from: '09:30', to: '10:20', room: 'Polyvalente zaal', org: 'Wel Jong', max: 30, classes: ['L6'], booked: [noor] },
	{ day: 2, campus: 'Campus Overleie', from: '13:15', to: '14:05', room: 'Polyvalente zaal', org: null, max: 30, classes: [] },
	{
		day: 3,
		campus: 'Campus Heule',
		from: '08:30',
		to: '09:20',
		room: 'Turnzaal',
		org: null,
		trainers: 2,
		max: 45,
		classes: ['5de leerjaar', '6de leerjaar'],
		booked: [noor]
	},
	{ day: 3, campus: 'Campus Heule', from: '13:15', to: '14:05', room: 'Turnzaal', org: null, max: 30, classes: [] },
	{
		day: 4,
		campus: 'Campus Stationsplein',
		from: '10:35',
		to: '11:25',
		room: 'Lokaal 2.11',
		org: null,
		max: 30,
		classes: ['3A'],
		booked: [sami],
		cancel: 'De klas gaat die dag op uitstap; de school zoekt een nieuwe datum.'
	},
	{ day: 4, campus: 'Campus Stationsplein', from: '13:15', to: '14:05', room: 'Lokaal 2.11', org: 'Wel Jong', max: 30, classes: [] }
];

/** The upcoming edition's last school days before today (0 is the most recent): one given and reported, one still to report. */
export const upcomingPastSlots: DemoSlot[] = [
	{
		day: 1,
		campus: 'Campus Stationsplein',
		from: '10:35',
		to: '11:25',
		room: 'Lokaal 2.11',
		org: null,
		max: 30,
		classes: ['6A'],
		booked: [sami],
		report: { outcome: 'given', pupilsPresent: 15, durationMinutes: 50, note: 'Goede vragen over gender en taal; de klas wil graag een vervolg.' }
	},
	{ day: 0, campus: 'Campus Stationsplein', from: '13:15', to: '14:05', room: 'Lokaal 2.11', org: 'Wel Jong', max: 30, classes: ['4A'], booked: [robin] }
];

/** Last year's edition, in May: given and reported, and one the school called off. */
export const archivedSlots: DemoSlot[] = [
	{
		day: 0,
		campus: 'Campus Centrum',
		from: '08:30',
		to: '09:20',
		room: 'Lokaal 1.04',
		org: 'Wel Jong',
		max: 30,
		classes: ['1A'],
		booked: [robin],
		report: { outcome: 'given', pupilsPresent: 22, durationMinutes: 50, note: 'Open gesprek over vooroordelen; de klas werkte goed mee.' }
	},
	{
		day: 0,
		campus: 'Campus Centrum',
		from: '09:30',
		to: '10:20',
		room: 'Lokaal 1.04',
		org: 'Wel Jong',
		max: 30,
		classes: ['2A'],
		booked: [noor],
		report: { outcome: 'given', pupilsPresent: 24, durationMinutes: 50, note: null }
	},
	{
		day: 1,
		campus: 'Campus Stationsplein',
		from: '10:35',
		to: '12:15',
		room: 'Polyvalente zaal',
		org: null,
		trainers: 2,
		max: 50,
		classes: ['1A', '3A'],
		booked: [sami, jelle],
		report: { outcome: 'given', pupilsPresent: 40, durationMinutes: 100, note: 'Twee lesuren na elkaar; veel vragen over coming-out.' }
	},
	{
		day: 2,
		campus: 'Campus Overleie',
		from: '09:30',
		to: '10:20',
		room: 'Polyvalente zaal',
		org: 'Wel Jong',
		max: 30,
		classes: ['L6'],
		booked: [robin],
		report: { outcome: 'given', pupilsPresent: 25, durationMinutes: 50, note: 'De klas had het boekje over Sam al gelezen.' }
	},
	{
		day: 2,
		campus: 'Campus Overleie',
		from: '10:35',
		to: '11:25',
		room: 'Polyvalente zaal',
		org: 'Wel Jong',
		max: 30,
		classes: ['L5'],
		booked: [noor],
		report: { outcome: 'not_given', notGivenReason: 'cancelled_by_school', note: 'De school had die voormiddag een sportdag gepland.' }
	},
	{
		day: 3,
		campus: 'Campus Dorp',
		from: '13:15',
		to: '14:05',
		room: null,
		org: null,
		max: 30,
		classes: ['L6A'],
		booked: [sami],
		report: { outcome: 'given', pupilsPresent: 21, durationMinutes: 50, note: null }
	}
];
