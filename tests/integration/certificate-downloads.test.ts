import { beforeEach, expect, it } from 'vitest';
import { useHandle, getDb } from '../../src/lib/server/db';
import { campusCertificateEditions, trainerCertificateEditions } from '../../src/lib/server/certificates/certificate-more';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { GET as campusGet } from '../../src/routes/api/editions/[id=id]/campuses/[campusId=id]/certificate/+server';
import { GET as trainerGet } from '../../src/routes/api/editions/[id=id]/trainers/[trainerId=id]/certificate/+server';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

type Actor = WorkshopWorld['coordinator'];
const origin = 'http://localhost:3000';

/** Calls a GET handler as SvelteKit would; a refusal (HttpError) comes back as its status. */
async function call(handler: (event: never) => Response | Promise<Response>, actor: Actor, path: string, params: Record<string, string>, lang = 'nl') {
	const url = new URL(`${origin}${path}?lang=${lang}`);
	try {
		const res = await handler({ locals: { user: actor, db: await getDb() }, params, url } as never);
		return { status: res.status, res };
	} catch (err) {
		const status = (err as { status?: number }).status;
		if (typeof status !== 'number') throw err;
		return { status, res: null };
	}
}

const pdfOf = async (res: Response | null) => pdfText(Buffer.from(await res!.arrayBuffer()));

describeEachDatabase('campus and trainer certificate downloads', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;

	/** Campus Centrum's 5A and 5B had a workshop on 12 May, given by Anna (Wel Jong) to 40 pupils. */
	beforeEach(async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, slot, w.centrum.classIds);
		await bookSlot(ctx.db, w.anna, slot);
		freezeClock('2027-05-12T10:00:00Z');
		await reportWorkshop(ctx.db, w.anna, slot, { outcome: 'given', pupilsPresent: 40, durationMinutes: 50, note: null });
	});

	const campus = (actor: Actor, campusId: number, lang = 'nl') =>
		call(campusGet, actor, `/api/editions/${w.editionId}/campuses/${campusId}/certificate`, { id: String(w.editionId), campusId: String(campusId) }, lang);
	const trainer = (actor: Actor, trainerId: number, lang = 'nl') =>
		call(trainerGet, actor, `/api/editions/${w.editionId}/trainers/${trainerId}/certificate`, { id: String(w.editionId), trainerId: String(trainerId) }, lang);

	it("gives the campus teacher the campus certificate, with the campus and what it reached, and refuses another campus's teacher", async () => {
		const own = await campus(w.centrum.teacher, w.centrum.campusId);
		expect(own.status).toBe(200);
		expect(own.res!.headers.get('content-type')).toBe('application/pdf');
		expect(own.res!.headers.get('content-disposition')).toContain('Campus-Centrum');
		const text = await pdfOf(own.res);
		expect(text).toContain('Campus Centrum');
		// Pupils reached: the enrolled classes' 22 + 20, as the campus page and the report; not the 40 present.
		expect(text).toContain('Klassen bereikt: 2 · Leerlingen bereikt: 42');
		expect((await campus(w.noord.teacher, w.centrum.campusId)).status).toBe(403);
		// Noord had no workshop: its own teacher has nothing to print yet.
		expect((await campus(w.noord.teacher, w.noord.campusId)).status).toBe(409);
		expect(await count(ctx.db, 'certificates')).toBe(1);
	});

	it('gives a trainer their own certificate with the workshops given, and refuses another trainer', async () => {
		const own = await trainer(w.anna, w.anna.id, 'en');
		expect(own.status).toBe(200);
		const text = await pdfOf(own.res);
		expect(text).toContain('Anna Peeters');
		expect(text).toContain('Wel Jong');
		expect(text).toContain('Workshops given: 1');
		expect((await trainer(w.ben, w.anna.id)).status).toBe(403);
		expect((await trainer(w.centrum.teacher, w.anna.id)).status).toBe(403);
		expect(await count(ctx.db, 'certificates')).toBe(1);
	});

	it('gives a coordinator both, the same certificates the teacher and trainer get', async () => {
		await campus(w.centrum.teacher, w.centrum.campusId);
		const c = await campus(w.coordinator, w.centrum.campusId);
		const t = await trainer(w.coordinator, w.anna.id);
		expect([c.status, t.status]).toEqual([200, 200]);
		expect(await pdfOf(c.res)).toContain('Campus Centrum');
		expect(await pdfOf(t.res)).toContain('Anna Peeters');
		expect(await count(ctx.db, 'certificates')).toBe(2);
	});

	it('offers the links only where a workshop was given', async () => {
		const byCampus = await campusCertificateEditions(ctx.db, [w.centrum.campusId, w.noord.campusId]);
		expect(byCampus.get(w.centrum.campusId)?.map((e) => e.editionId)).toEqual([w.editionId]);
		expect(byCampus.has(w.noord.campusId)).toBe(false);
		expect((await trainerCertificateEditions(ctx.db, w.anna.id)).map((e) => e.editionId)).toEqual([w.editionId]);
		expect(await trainerCertificateEditions(ctx.db, w.ben.id)).toEqual([]);
	});
});
