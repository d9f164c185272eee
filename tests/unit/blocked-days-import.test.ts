import { describe, expect, it } from 'vitest';
import { importDate, parseBlockedDaysFile } from '../../src/lib/server/workshops/slots/blocked-days-import';

const file = (text: string) => new TextEncoder().encode(text);

describe('importing blocked days from a file', () => {
	it('reads dates as ISO, Belgian day/month/year and iCalendar write them, and nothing else', () => {
		expect(['2027-02-08', '8/2/2027', '08/02/2027', '08-02-2027', '20270208'].map(importDate)).toEqual(Array(5).fill('2027-02-08'));
		expect(['2027-02-30', '31/04/2027', 'krokus', ''].map(importDate)).toEqual([null, null, null, null]);
	});

	it('reads a CSV with a header, one-day and multi-day lines, ";" or ","', () => {
		const csv = '\uFEFFdatum;tot;omschrijving\r\n2027-02-08;2027-02-14;Krokusvakantie\r\n\r\n12/03/2027;Pedagogische studiedag\r\n2027-03-29;2027-04-11\r\n';
		expect(parseBlockedDaysFile(file(csv))).toEqual({
			ok: true,
			entries: [
				{ line: 2, from: '2027-02-08', to: '2027-02-14', label: 'Krokusvakantie' },
				{ line: 4, from: '2027-03-12', to: '2027-03-12', label: 'Pedagogische studiedag' },
				{ line: 5, from: '2027-03-29', to: '2027-04-11', label: null }
			]
		});
		expect(parseBlockedDaysFile(file('2027-05-14,"Brugdag, na Hemelvaart"\n'))).toEqual({
			ok: true,
			entries: [{ line: 1, from: '2027-05-14', to: '2027-05-14', label: 'Brugdag, na Hemelvaart' }]
		});
	});

	it('names every bad line and imports none of them', () => {
		const csv = [
			'2027-02-08;2027-02-14;Krokusvakantie',
			'2027-02-30;Studiedag',
			'2027-04-11;2027-03-29;Paasvakantie',
			'2027-01-01;2027-06-30;Te lang',
			'a;b;c;d'
		].join('\n');
		const r = parseBlockedDaysFile(file(csv));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toBe('Er is niets geïmporteerd. Verbeter de regels hieronder in het bestand en importeer het opnieuw. Regels met een fout: 4.');
		expect(r.problems).toEqual([
			{ line: 2, message: '„2027-02-30” is geen geldige datum. Schrijf de datum als 2027-02-08 of 08/02/2027.' },
			{ line: 3, message: 'de laatste dag valt vóór de eerste dag.' },
			{ line: 4, message: 'een reeks telt hoogstens 120 dagen.' },
			{ line: 5, message: 'verwacht worden een datum, eventueel een laatste dag, en een omschrijving.' }
		]);
	});

	it('reads the all-day events of an iCalendar file, DTEND being the day after the last', () => {
		const ics = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270208',
			'DTEND;VALUE=DATE:20270215',
			'SUMMARY:Krokus',
			' vakantie',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270312',
			'SUMMARY:Studiedag\\, namiddag vrij',
			'END:VEVENT',
			'END:VCALENDAR'
		].join('\r\n');
		expect(parseBlockedDaysFile(file(ics))).toEqual({
			ok: true,
			entries: [
				{ line: 3, from: '2027-02-08', to: '2027-02-14', label: 'Krokusvakantie' },
				{ line: 9, from: '2027-03-12', to: '2027-03-12', label: 'Studiedag, namiddag vrij' }
			]
		});
		const timed = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20270312T090000Z', 'DTEND:20270312T120000Z', 'SUMMARY:Overleg', 'END:VEVENT', 'END:VCALENDAR'];
		expect(parseBlockedDaysFile(file(timed.join('\n')))).toMatchObject({
			ok: false,
			problems: [{ line: 2, message: 'dit is geen gebeurtenis van een hele dag.' }]
		});
	});

	it('refuses an empty or unreadable file as a whole', () => {
		expect(parseBlockedDaysFile(file(''))).toMatchObject({ ok: false, message: 'Het bestand bevat geen dagen.', problems: [] });
		expect(parseBlockedDaysFile(file('datum;omschrijving\n'))).toMatchObject({ ok: false, message: 'Het bestand bevat geen dagen.' });
		expect(parseBlockedDaysFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/kan niet gelezen/)
		});
	});
});
