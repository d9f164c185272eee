import { read } from './read-db';

/**
 * Read-only look-ups of schools, campuses and editions in the e2e database
 * (`.e2e/app.sqlite`), for checking what an import or a form really wrote.
 * Same approach as db.ts: a fresh read-only connection per call.
 */

export interface StoredSchool {
	id: number;
	name: string;
	active: boolean;
}

export interface StoredCampus {
	id: number;
	name: string;
	street: string;
	postalCode: string;
	city: string;
	contactName: string | null;
	inviteCode: string;
	active: boolean;
	levels: string[];
}

/** The school holding this instellingsnummer (active or not), or null. */
export function schoolByNumber(instellingsnummer: string): StoredSchool | null {
	const row = read(
		(db) =>
			db.prepare('select id, name, active from schools where instellingsnummer = ?').get(instellingsnummer) as
				{ id: number; name: string; active: number | null } | undefined
	);
	return row ? { id: row.id, name: row.name, active: row.active === 1 } : null;
}

/** How many schools carry this exact name. */
export function schoolsNamed(name: string): number {
	return read((db) => (db.prepare('select count(*) as n from schools where name = ?').get(name) as { n: number }).n);
}

/** Every campus of the school with this instellingsnummer, by name, with its levels in the domain's order. */
export function campusesOfSchool(instellingsnummer: string): StoredCampus[] {
	return read((db) => {
		const rows = db
			.prepare(
				`select c.id, c.name, c.street, c.postal_code as postalCode, c.city, c.contact_name as contactName,
				        c.invite_code as inviteCode, c.active
				   from campuses c join schools s on s.id = c.school_id
				  where s.instellingsnummer = ? order by c.name`
			)
			.all(instellingsnummer) as (Omit<StoredCampus, 'active' | 'levels'> & { active: number | null })[];
		const order = ['kleuter', 'lager', 'secundair', 'buitengewoon_basis', 'buitengewoon_secundair', 'hoger'];
		return rows.map((r) => {
			const levels = (db.prepare('select level from campus_levels where campus_id = ?').all(r.id) as { level: string }[]).map((l) => l.level);
			return { ...r, active: r.active === 1, levels: levels.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
		});
	});
}

/** Campuses with this exact name, at any school. */
export function campusesNamed(name: string): number {
	return read((db) => (db.prepare('select count(*) as n from campuses where name = ?').get(name) as { n: number }).n);
}

/**
 * The demo seed's two editions: the upcoming one (published) and last year's
 * (archived). They are the campaign's first two rows; editions that other tests
 * create come later.
 */
export function demoEditionNames(): { current: string; archived: string } {
	return read((db) => {
		const rows = db.prepare('select name, status from editions order by id limit 2').all() as { name: string; status: string }[];
		const current = rows.find((r) => r.status !== 'archived');
		const archived = rows.find((r) => r.status === 'archived');
		if (!current || !archived) throw new Error('The demo editions are missing');
		return { current: current.name, archived: archived.name };
	});
}
