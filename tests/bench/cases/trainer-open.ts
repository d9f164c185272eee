import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb } from '../../../src/lib/server/db/time';
import type { BenchContext } from '../context';
import { cpuSeconds, databaseProcess } from '../cpu';
import { logIn, pageHeaders } from '../http';
import { runLoad, unexpected } from '../load';
import { measurePage } from './pages';

/**
 * The trainer's open-slot list (issue 17 point 4) at Flanders scale: 20,000
 * slots, 1,000 trainers. Measured for the trainer of an organisation with the
 * most coming workshops, the hardest case for the bookable-slot rule (every
 * listed slot is compared with their bookings): the default list (only what
 * they can book now) and the list with the others and their reasons.
 */
export interface OpenListTrainer {
	email: string;
	upcoming: number;
}

/** The trainer (of an organisation, from the data set) with the most coming workshops. */
export async function busiestTrainer(db: Kysely<Database>): Promise<OpenListTrainer> {
	const row = await db
		.selectFrom('slotTrainers')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.select(['users.email', (eb) => eb.fn.countAll<number>().as('upcoming')])
		.where('slotTrainers.active', '=', 1)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', nowDb())
		.where('users.organisationId', 'is not', null)
		.where('users.email', 'like', 'trainer-%')
		.groupBy(['users.id', 'users.email'])
		.orderBy('upcoming', 'desc')
		.orderBy('users.id')
		.executeTakeFirstOrThrow();
	return { email: row.email, upcoming: Number(row.upcoming) };
}

/** Pages asked for to read the CPU per page, two at a time. */
const cpuPages = 200;

/**
 * The CPU time one page costs the server (and on a local MariaDB the database
 * server), read from /proc around a fixed number of requests: unlike
 * throughput, it hardly moves when other work shares the machine's cores.
 */
async function cpuPerPage(ctx: BenchContext, name: string, path: string, cookie: string): Promise<void> {
	const processes = [
		{ pid: ctx.server.pid, label: 'server', note: 'the server process: HTTP, rendering, and on SQLite the queries' },
		...(ctx.db.dialect === 'mysql' ? [databaseProcess('mysql', ctx.server.pid)].filter((p) => p !== null) : [])
	];
	const before = processes.map((p) => cpuSeconds(p.pid));
	const r = await runLoad({ url: `${ctx.server.origin}${path}`, connections: 2, amount: cpuPages, headers: pageHeaders(cookie) });
	processes.forEach((p, i) => {
		const ms = ((cpuSeconds(p.pid) - before[i]) * 1000) / Math.max(1, r.requests);
		const note = [`${r.requests} pages on 2 connections`, p.note, unexpected(r, 200)].filter(Boolean).join('; ');
		ctx.record({ case: name, metric: `${p.label} CPU per page`, value: ms, unit: 'ms', note });
	});
}

export async function trainerOpenList(ctx: BenchContext, trainer: OpenListTrainer, password: string): Promise<void> {
	const cookie = await logIn(ctx.server.origin, trainer.email, password);
	const note = `${trainer.email.split('@')[0]}, ${trainer.upcoming} coming workshops`;
	const cases = [
		{ name: 'trainer open-slot list, Flanders', path: '/trainer/workshops/open' },
		{ name: 'trainer open-slot list with the slots not bookable, Flanders', path: '/trainer/workshops/open?show=all' }
	];
	for (const c of cases) {
		await measurePage(ctx, { ...c, cookie, note });
		await cpuPerPage(ctx, c.name, c.path, cookie);
	}
}
