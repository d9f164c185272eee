import type { Kysely } from 'kysely';
import { emailKey } from '../../../src/lib/server/db/keys';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb } from '../../../src/lib/server/db/time';
import { gradesByLevel, type Level } from '../../../src/lib/domain';
import { setQuotas } from '../../../src/lib/server/enrolments/quota-change.service';
import { copyEdition, transitionEdition } from '../../../src/lib/server/campaigns/edition-admin.service';
import { cpuSeconds, databaseProcess } from '../cpu';
import type { BenchContext } from '../context';
import { formPostHeaders, logIn } from '../http';
import { runLoad, unexpected } from '../load';

/**
 * The enrolment rush (issue 14's first row): 50 teachers at once, each on its
 * own connection with its own session, posting the real enrolment form into
 * the Flanders edition as fast as the answers come, each class with a new
 * name on one of the teacher's campuses. Afterwards the database must show no
 * edition or campus over its quota, a waiting list that holds only classes
 * that had no place, and exactly one class per accepted post.
 */
export const rushConnections = 50;
/** Places left in the edition when the rush starts: enough to last a while, few enough that the edition fills and the waiting list is used. */
const freePlaces = 300;
const namePrefix = 'Rush';

export interface RushPlan {
	editionId: number;
	/** A new edition of the same campaign, published with no class yet: the baseline for the database's work per enrolment. */
	newEditionId: number;
	teachers: { email: string; campuses: { campusId: number; grade: string }[] }[];
}

/**
 * Sets the Flanders edition's quotas for the rush as its coordinator would
 * (the same service, which promotes waiting classes that now have a place),
 * before the server starts, since a server may cache editions: the edition's
 * total a few hundred places above today's classes, and a campus maximum equal
 * to today's fullest campus, so both limits are in force. Picks 50 teachers of
 * the data set and their campuses.
 */
export async function prepareRush(db: Kysely<Database>, editionId: number, coordinatorEmail: string): Promise<RushPlan> {
	const active = db.selectFrom('classes').where('editionId', '=', editionId).where('status', 'in', ['enrolled', 'waiting']);
	const total = Number((await active.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	const perCampus = await active
		.where('status', '=', 'enrolled')
		.select((eb) => eb.fn.countAll().as('n'))
		.groupBy('campusId')
		.execute();
	const fullest = Math.max(...perCampus.map((r) => Number(r.n)));
	const coordinator = await db.selectFrom('users').select(['id', 'displayName']).where('emailKey', '=', emailKey(coordinatorEmail)).executeTakeFirstOrThrow();
	const actor = { ...coordinator, roles: ['coordinator' as const] };
	await setQuotas(db, actor, editionId, { maxClasses: total + freePlaces, maxClassesPerCampus: fullest });
	const newEditionId = await prepareNewEdition(db, actor, editionId, fullest);
	const teachers: RushPlan['teachers'] = [];
	for (let i = 2; teachers.length < rushConnections; i++) {
		const email = `leerkracht-${String(i).padStart(4, '0')}@schaal.example.org`;
		const rows = await db
			.selectFrom('users')
			.innerJoin('teacherCampuses', 'teacherCampuses.userId', 'users.id')
			.innerJoin('campusLevels', 'campusLevels.campusId', 'teacherCampuses.campusId')
			.select(['teacherCampuses.campusId', 'campusLevels.level'])
			.where('users.emailKey', '=', emailKey(email))
			.orderBy('teacherCampuses.campusId')
			.execute();
		if (rows.length === 0) throw new Error(`the data set has no teacher ${email}`);
		const campuses = new Map<number, string>();
		for (const r of rows) if (!campuses.has(r.campusId)) campuses.set(r.campusId, gradesByLevel[r.level as Level].at(-1)!);
		teachers.push({ email, campuses: [...campuses].map(([campusId, grade]) => ({ campusId, grade })) });
	}
	return { editionId, newEditionId, teachers };
}

/**
 * The next edition of the Flanders campaign as a coordinator makes it ("new
 * edition from this one", then publish), with the same quotas as the rush's
 * (300 places, the same campus maximum). Copying moves the enrolment window a
 * year on; the bench sets it back to the source's, so the rush finds it open.
 */
async function prepareNewEdition(db: Kysely<Database>, actor: Parameters<typeof setQuotas>[1], sourceId: number, maxPerCampus: number): Promise<number> {
	const { id } = await copyEdition(db, actor, sourceId);
	const source = await db.selectFrom('editions').select(['enrolmentOpensAt', 'enrolmentClosesAt']).where('id', '=', sourceId).executeTakeFirstOrThrow();
	await db.updateTable('editions').set(source).where('id', '=', id).execute();
	await transitionEdition(db, actor, id, 'publish');
	await setQuotas(db, actor, id, { maxClasses: freePlaces, maxClassesPerCampus: maxPerCampus });
	return id;
}

/**
 * The rush twice: first into the new, empty edition (the baseline), then into
 * the Flanders edition with its 100,000 classes. Issue 14 asks that the
 * database's CPU per enrolment in the big edition stay within 1.5x of the new
 * one's: what an enrolment costs must not grow with the edition.
 */
export async function enrolmentRush(ctx: BenchContext, plan: RushPlan, password: string): Promise<void> {
	const cookies = await Promise.all(plan.teachers.map((t) => logIn(ctx.server.origin, t.email, password)));
	const cpuOf = databaseProcess(ctx.db.dialect, ctx.server.pid);
	const baseline = await rushInto(ctx, plan, cookies, plan.newEditionId, 'enrolment rush into a new edition', cpuOf, null);
	await rushInto(ctx, plan, cookies, plan.editionId, 'enrolment rush into the Flanders edition', cpuOf, baseline);
}

async function rushInto(
	ctx: BenchContext,
	plan: RushPlan,
	cookies: string[],
	editionId: number,
	name: string,
	cpuOf: ReturnType<typeof databaseProcess>,
	baselineCpu: number | null
): Promise<number | null> {
	const isFlanders = editionId === plan.editionId;
	const path = `/teacher/editions/${editionId}/enrol`;
	const since = nowDb();
	let clients = 0;
	// The names of the classes whose post was accepted, to find each in the database afterwards.
	const accepted = new Set<string>();
	const cpuBefore = cpuOf ? cpuSeconds(cpuOf.pid) : 0;
	const r = await runLoad({
		url: `${ctx.server.origin}${path}`,
		connections: rushConnections,
		duration: ctx.opts.rushSeconds,
		method: 'POST',
		timeoutSeconds: 60,
		setupClient: (client) => {
			const index = clients++;
			const teacher = plan.teachers[index % plan.teachers.length];
			let n = 0;
			let sent = '';
			client.setRequests([
				{
					method: 'POST',
					path,
					headers: { cookie: cookies[index % cookies.length], ...formPostHeaders(ctx.server.origin) },
					setupRequest: (req) => {
						const campus = teacher.campuses[n % teacher.campuses.length];
						sent = `${namePrefix} ${index}-${n++}`;
						const body = new URLSearchParams({ name: sent, grade: campus.grade, pupilCount: '21', language: 'nl', campusId: String(campus.campusId) });
						return { ...req, body: body.toString() };
					},
					// One request at a time per connection: this answer is to the post just sent.
					onResponse: (status) => {
						if (status === 303) accepted.add(sent);
					}
				}
			]);
		}
	});
	const cpuPerEnrolment = cpuOf && accepted.size ? ((cpuSeconds(cpuOf.pid) - cpuBefore) / accepted.size) * 1000 : null;
	const errors = unexpected(r, 303);
	const check = await checkRushInvariants(ctx.db.handle.db, editionId, since, accepted);
	const note = `${rushConnections} connections, ${Math.round(r.seconds)} s; ${check.enrolled} enrolled, ${check.waiting} on the waiting list${errors ? `; ${errors}` : ''}`;
	const perMinute = (accepted.size / r.seconds) * 60;
	ctx.record({
		case: name,
		metric: 'accepted enrolments',
		value: perMinute,
		unit: '/min',
		target: isFlanders ? '≥ 2,000/min' : null,
		met: isFlanders ? perMinute >= 2000 && !errors : null,
		note
	});
	ctx.record({ case: name, metric: 'latency p99', value: r.p99, unit: 'ms', target: isFlanders ? '< 1,500 ms' : null, met: isFlanders ? r.p99 < 1500 : null });
	ctx.record({
		case: name,
		metric: 'invariants broken',
		value: check.violations.length,
		unit: '',
		target: '0',
		met: check.violations.length === 0,
		note: check.violations.join('; ') || 'quotas, waiting list and one class per accepted post hold'
	});
	if (cpuOf && cpuPerEnrolment !== null) {
		const within = baselineCpu ? cpuPerEnrolment / baselineCpu : null;
		ctx.record({
			case: name,
			metric: `${cpuOf.label} CPU per accepted enrolment`,
			value: cpuPerEnrolment,
			unit: 'ms',
			target: isFlanders ? 'within 1.5× of a new edition' : null,
			met: within === null ? null : within <= 1.5,
			note: [within === null ? null : `${within.toFixed(2)}× the new edition's`, cpuOf.note].filter(Boolean).join('; ')
		});
	}
	return cpuPerEnrolment;
}

/**
 * What must hold after the rush, read straight from the database. When the
 * rush's time is up, the posts still in flight (at most one per connection) are
 * finished by the server but their answers are not counted: a class created
 * for them is not a fault.
 */
export async function checkRushInvariants(db: Kysely<Database>, editionId: number, since: string, accepted: Set<string>) {
	const edition = await db.selectFrom('editions').select(['maxClasses', 'maxClassesPerCampus']).where('id', '=', editionId).executeTakeFirstOrThrow();
	const perCampus = new Map<number, number>();
	for (const r of await db
		.selectFrom('classes')
		.select(['campusId', (eb) => eb.fn.countAll().as('n')])
		.where('editionId', '=', editionId)
		.where('status', '=', 'enrolled')
		.groupBy('campusId')
		.execute())
		perCampus.set(r.campusId, Number(r.n));
	const total = [...perCampus.values()].reduce((a, b) => a + b, 0);
	const violations: string[] = [];
	if (edition.maxClasses !== null && total > edition.maxClasses)
		violations.push(`the edition holds ${total} enrolled classes, over its maximum of ${edition.maxClasses}`);
	const overCampus = [...perCampus].filter(([, n]) => edition.maxClassesPerCampus !== null && n > edition.maxClassesPerCampus);
	if (overCampus.length)
		violations.push(
			`${overCampus.length} campuses over their maximum of ${edition.maxClassesPerCampus} (e.g. campus ${overCampus[0][0]}: ${overCampus[0][1]})`
		);
	// A class waits only for want of a place: while the edition has room, its own campus must be full.
	if (edition.maxClasses === null || total < edition.maxClasses) {
		const waiting = await db.selectFrom('classes').select(['id', 'campusId']).where('editionId', '=', editionId).where('status', '=', 'waiting').execute();
		const skipped = waiting.filter((c) => edition.maxClassesPerCampus === null || (perCampus.get(c.campusId) ?? 0) < edition.maxClassesPerCampus);
		if (skipped.length) violations.push(`${skipped.length} classes wait although the edition and their campus have room (e.g. class ${skipped[0].id})`);
	}
	const created = await db
		.selectFrom('classes')
		.select(['name', 'status'])
		.where('editionId', '=', editionId)
		.where('name', 'like', `${namePrefix} %`)
		.where('createdAt', '>=', since)
		.execute();
	const names = new Map<string, number>();
	for (const c of created) names.set(c.name, (names.get(c.name) ?? 0) + 1);
	const missing = [...accepted].filter((name) => !names.has(name));
	if (missing.length) violations.push(`${missing.length} accepted classes are missing (e.g. "${missing[0]}")`);
	const doubled = [...names].filter(([, n]) => n > 1);
	if (doubled.length) violations.push(`${doubled.length} classes were created twice (e.g. "${doubled[0][0]}")`);
	const unanswered = created.length - accepted.size;
	if (unanswered > rushConnections)
		violations.push(`${unanswered} classes were created beyond the accepted posts, more than the ${rushConnections} that can be in flight`);
	const count = (status: string) => created.filter((c) => c.status === status).length;
	return { violations, enrolled: count('enrolled'), waiting: count('waiting') };
}
