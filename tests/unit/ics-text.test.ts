import ical from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { icsText } from '../../src/lib/server/workshops/calendar/ics-text';

/** The same calendar twice: icsText empties the one it is given. */
function calendarWith(descriptions: string[]) {
	const calendar = ical({ name: 'Workshops – Sint-Maartenscollege, Campus Centrum, Kortrijk (PAARS 2027)', ttl: 7200 });
	descriptions.forEach((description, i) =>
		calendar.createEvent({
			id: `workshop-${i}@example.org`,
			start: new Date(Date.UTC(2027, 4, 17, 7, 30 + i)),
			end: new Date(Date.UTC(2027, 4, 17, 8, 20 + i)),
			summary: `PAARS – ${description.slice(0, 40)}`,
			description
		})
	);
	return calendar;
}

describe('calendar feed text', () => {
	it('is the library’s own text, byte for byte, with long, accented, Turkish and emoji lines folded at the same places', () => {
		const descriptions = [
			'Kort.',
			'Klassen: 5A (L5, 22 leerlingen), 5B (L5, 24 leerlingen), 6A (L6, 19 leerlingen), 6C (L6, 21 leerlingen). Trainer: Ömer Yılmaz (çavaria).',
			'é'.repeat(80) + ' 📞 ' + 'ü'.repeat(37) + '📞'.repeat(30),
			'x'.repeat(73) + '📞' + 'y'.repeat(200)
		];
		expect(icsText(calendarWith(descriptions))).toBe(calendarWith(descriptions).toString());
	});

	it('never has a line longer than 75 octets and keeps every event', () => {
		const text = icsText(calendarWith(Array.from({ length: 50 }, (_, i) => `Workshop ${i}: ${'ëlke '.repeat(i)}`)));
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(text.split('BEGIN:VEVENT').length - 1).toBe(50);
		expect(text.endsWith('END:VCALENDAR')).toBe(true);
	});
});
