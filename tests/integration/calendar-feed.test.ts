import { beforeEach, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/server/auth/crypto';
import { publicOrigin } from '../../src/lib/server/config';
import { useHandle, getDb } from '../../src/lib/server/db';
import { cancelSlot, setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { assignTrainer, bookSlot, unassignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { buildFeedCalendar } from '../../src/lib/server/workshops/calendar/calendar-ics';
import { feedStatus, regenerateFeed, resolveFeedToken } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { GET } from '../../src/routes/api/calendar/[token]/+server';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, slotAt, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/** A tiny iCalendar reader: unfolds lines, splits VEVENTs, keeps each property's first value. */
function parseIcs(text: string) {
	const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
	const calendar: Record<string, string> = {};
	const events: Record<string, string>[] = [];
	let current: Record<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else {
			const colon = line.indexOf(':');
			if (colon < 0) continue;
			const name = line.slice(0, colon).split(';')[0];
			const value = line
				.slice(colon + 1)
				.replace(/\\n/g, '\n')
				.replace(/\\([,;\\])/g, '$1');
			(current ?? calendar)[name] ??= value;
		}
	}
	return { calendar, events, byUid: new Map(events.map((e) => [e.UID, e])) };
}

const host = () => new URL(publicOrigin()).hostname;
const uid = (slotId: number) => `workshop-${slotId}@${host()}`;

async function get(token: string) {
	const response = await GET({ params: { token }, locals: { db: await getDb() } } as unknown as Parameters<typeof GET>[0]);
	return { status: response.status, headers: response.headers, body: await response.text() };
}

describeEachDatabase('calendar feeds', (dialect) => {
	const ctx = useDatabase(dialect);
	beforeEach(() => useHandle({ db: ctx.db, dialect, close: async () => {} }));

	const trainerFeed = async (w: WorkshopWorld, who: WorkshopWorld['anna']) => {
		const { token } = await regenerateFeed(ctx.db, who, { editionId: null });
		return parseIcs(await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!));
	};

	it('gives a trainer an address once, keeps only its hash, and a new address stops the old one', async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		expect((await feedStatus(ctx.db, w.anna, { editionId: null })).createdAt).toBeNull();
		const first = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(first.urls.https).toBe(`${publicOrigin()}/api/calendar/${first.token}.ics`);
		expect(first.urls.webcal).toBe(first.urls.https.replace(/^https?:/, 'webcal:'));
		expect(await resolveFeedToken(ctx.db, first.token)).toEqual({ userId: w.anna.id, editionId: null, locale: 'nl' });
		const rows = await ctx.db.selectFrom('calendarFeeds').selectAll().execute();
		expect(rows).toMatchObject([{ tokenHash: sha256Hex(first.token), userId: w.anna.id, editionId: null, revokedAt: null }]);
		expect(JSON.stringify(rows)).not.toContain(first.token);

		const second = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		expect(await resolveFeedToken(ctx.db, first.token)).toBeNull();
		expect(await resolveFeedToken(ctx.db, second.token)).toMatchObject({ userId: w.anna.id });
		expect((await feedStatus(ctx.db, w.anna, { editionId: null })).createdAt).toEqual(new Date('2027-04-01T08:00:00Z'));
		const audits = await ctx.db.selectFrom('auditLog').select(['action', 'afterJson']).where('action', 'like', 'calendar_feed.%').execute();
		expect(audits.map((a) => a.action)).toEqual(['calendar_feed.regenerated', 'calendar_feed.regenerated']);
		expect(JSON.stringify(audits)).not.toContain(first.token);
		expect(JSON.stringify(audits)).not.toContain(second.token);
	});

	it('answers the address with the calendar, and every wrong token with the same bare 404', async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const old = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		const current = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		for (const token of [current.token, `${current.token}.ics`]) {
			const ok = await get(token);
			expect(ok.status).toBe(200);
			expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
			expect(ok.headers.get('cache-control')).toBe('private, max-age=900');
			expect(ok.headers.get('content-disposition')).toMatch(/filename="[^"]+\.ics"/);
			expect(ok.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
		}
		const revoked = await get(`${old.token}.ics`);
		const unknown = await get(`${'A'.repeat(43)}.ics`);
		const malformed = await get("x'; drop table users; --");
		expect(revoked.status).toBe(404);
		expect([unknown, malformed].map((r) => [r.status, r.body, r.headers.get('content-type')])).toEqual([
			[404, revoked.body, revoked.headers.get('content-type')],
			[404, revoked.body, revoked.headers.get('content-type')]
		]);
		// A disabled account's address stops working too, with the same answer.
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', w.anna.id).execute();
		expect(await get(current.token)).toMatchObject({ status: 404, body: revoked.body });
	});

	it('gives feeds only to trainers (their own) and coordinators (per existing edition)', async () => {
		const w = await workshopWorld(ctx.db);
		await expect(regenerateFeed(ctx.db, w.centrum.teacher, { editionId: null })).rejects.toMatchObject({ status: 403 });
		await expect(regenerateFeed(ctx.db, w.anna, { editionId: w.editionId })).rejects.toMatchObject({ status: 403 });
		await expect(regenerateFeed(ctx.db, w.coordinator, { editionId: null })).rejects.toMatchObject({ status: 403 });
		await expect(regenerateFeed(ctx.db, w.coordinator, { editionId: 999_999 })).rejects.toMatchObject({ status: 404 });
		expect(await ctx.db.selectFrom('calendarFeeds').select('id').execute()).toEqual([]);
		// A trainer's feed and a coordinator's edition feed live side by side.
		const mine = await regenerateFeed(ctx.db, w.coordinator, { editionId: w.editionId });
		expect(await resolveFeedToken(ctx.db, mine.token)).toEqual({ userId: w.coordinator.id, editionId: w.editionId, locale: 'nl' });
	});

	it("keeps a slot's UID, raises SEQUENCE on change, and shows cancelled or lost bookings as CANCELLED", async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const given = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-11', '09:00', '09:50', {
			trainerNote: 'Bel aan bij het secretariaat'
		});
		await setSlotClasses(ctx.db, w.coordinator, given, w.centrum.classIds);
		await bookSlot(ctx.db, w.anna, given);
		const lost = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '10:00', '10:50');
		await bookSlot(ctx.db, w.anna, lost);
		const cancelled = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-13', '09:00', '09:50');
		await bookSlot(ctx.db, w.anna, cancelled);
		const others = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-14', '09:00', '09:50');
		await bookSlot(ctx.db, w.ben, others);

		const before = await trainerFeed(w, w.anna);
		expect(before.calendar['X-PUBLISHED-TTL']).toMatch(/^PT\dH$/);
		expect(before.calendar['X-WR-CALNAME']).toBeTruthy();
		expect(before.events.map((e) => e.UID)).toEqual([uid(given), uid(lost), uid(cancelled)]);
		const event = before.byUid.get(uid(given))!;
		expect(event).toMatchObject({
			STATUS: 'CONFIRMED',
			DTSTART: '20270511T070000Z',
			DTEND: '20270511T075000Z',
			SUMMARY: 'PAARS-workshop – Campus Centrum (5A, 5B)'
		});
		expect(event.LOCATION).toBe('Testschool – Campus Centrum, Lokaal 12, Grote Markt 1, 8500 Kortrijk');
		expect(event.DESCRIPTION).toContain('5A (leerjaar L5, 22 leerlingen), 5B (leerjaar L5, 20 leerlingen)');
		expect(event.DESCRIPTION).toContain('Trainers: Anna (Wel Jong)');
		expect(event.DESCRIPTION).toContain('Notitie voor de trainer: Bel aan bij het secretariaat');
		expect(event.DESCRIPTION).toContain(`${publicOrigin()}/trainer/workshops/${given}`);
		// Since issue 18.1 a booked trainer's feed names whom they meet (each class's teacher); still no trainer's surname or address.
		expect(event.DESCRIPTION).toContain('Leerkracht 5A, 5B: lies, lies@school.be');
		expect(event.DESCRIPTION).not.toMatch(/Peeters|@weljong|@cavaria/);

		await updateSlot(ctx.db, w.coordinator, given, slotAt(w.centrum.campusId, '2027-05-11', '10:00', '10:50', { room: 'Aula' }));
		await unassignTrainer(ctx.db, w.coordinator, lost, w.anna.id, 'Ziek');
		await cancelSlot(ctx.db, w.coordinator, cancelled, 'School dicht');

		// A new address: the same events, so a calendar that subscribes again gets no duplicates.
		const after = await trainerFeed(w, w.anna);
		expect(after.events.map((e) => e.UID)).toEqual([uid(given), uid(lost), uid(cancelled)]);
		const moved = after.byUid.get(uid(given))!;
		expect(Number(moved.SEQUENCE)).toBeGreaterThan(Number(event.SEQUENCE));
		expect(moved).toMatchObject({ STATUS: 'CONFIRMED', DTSTART: '20270511T080000Z' });
		expect(moved.LOCATION).toContain(', Aula, ');
		expect(after.byUid.get(uid(lost))).toMatchObject({ STATUS: 'CANCELLED' });
		expect(after.byUid.get(uid(lost))!.DESCRIPTION).toContain('Je geeft deze workshop niet meer.');
		expect(after.byUid.get(uid(cancelled))).toMatchObject({ STATUS: 'CANCELLED' });
		expect(Number(after.byUid.get(uid(cancelled))!.SEQUENCE)).toBeGreaterThan(Number(before.byUid.get(uid(cancelled))!.SEQUENCE));
		// Booked again after being taken off: confirmed again, with a higher sequence still.
		await assignTrainer(ctx.db, w.coordinator, lost, w.anna.id);
		const again = (await trainerFeed(w, w.anna)).byUid.get(uid(lost))!;
		expect(again.STATUS).toBe('CONFIRMED');
		expect(Number(again.SEQUENCE)).toBeGreaterThan(Number(after.byUid.get(uid(lost))!.SEQUENCE));
	});

	it('lands 09:00 Brussels on the DST Sundays at the right UTC instant, and drops workshops older than half a year', async () => {
		const move = freezeClock('2027-02-01T08:00:00Z');
		const w = await workshopWorld(ctx.db, { from: '2027-03-01', to: '2027-11-30' });
		const march = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-03-28', '09:00', '10:00');
		const october = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-10-31', '09:00', '10:00');
		await bookSlot(ctx.db, w.anna, march);
		await bookSlot(ctx.db, w.anna, october);
		const { token } = await regenerateFeed(ctx.db, w.anna, { editionId: null });
		const text = await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!);
		expect(text).not.toMatch(/TZID|VTIMEZONE/);
		const feed = parseIcs(text);
		expect(feed.byUid.get(uid(march))).toMatchObject({ DTSTART: '20270328T070000Z', DTEND: '20270328T080000Z' });
		expect(feed.byUid.get(uid(october))).toMatchObject({ DTSTART: '20271031T080000Z', DTEND: '20271031T090000Z' });
		move(280 * 86_400_000); // 8 November 2027: March is more than half a year ago
		const later = parseIcs(await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!));
		expect(later.events.map((e) => e.UID)).toEqual([uid(october)]);
	});

	it("gives a coordinator every slot of one edition, open and cancelled ones included, in the owner's language", async () => {
		freezeClock('2027-04-01T08:00:00Z');
		const w = await workshopWorld(ctx.db);
		const booked = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-11', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, booked, [w.noord.classIds[0]]);
		await bookSlot(ctx.db, w.ben, booked);
		const open = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50', { trainersNeeded: 2 });
		const gone = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-13', '09:00', '09:50');
		await cancelSlot(ctx.db, w.coordinator, gone, 'Staking');
		await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.coordinator.id).execute();
		const { token } = await regenerateFeed(ctx.db, w.coordinator, { editionId: w.editionId });
		const feed = parseIcs(await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!));
		expect(feed.calendar['X-WR-CALNAME']).toBe('PAARS 2027 – all workshops');
		expect(feed.events.map((e) => [e.UID, e.STATUS])).toEqual([
			[uid(booked), 'CONFIRMED'],
			[uid(open), 'CONFIRMED'],
			[uid(gone), 'CANCELLED']
		]);
		expect(feed.byUid.get(uid(booked))!.SUMMARY).toBe('PAARS workshop – Campus Noord (6A)');
		expect(feed.byUid.get(uid(booked))!.DESCRIPTION).toContain('Trainers: Ben (Wel Jong)');
		expect(feed.byUid.get(uid(open))!.SUMMARY).toBe('PAARS workshop – Campus Centrum · trainer wanted');
		expect(feed.byUid.get(uid(open))!.DESCRIPTION).toContain(`${publicOrigin()}/coordinator/editions/${w.editionId}/workshops/${open}`);
		expect(feed.byUid.get(uid(gone))!.DESCRIPTION).toContain('This workshop has been cancelled.');
	});
});
