import type { BenchDatabase } from './database';
import type { Options } from './options';
import type { Figure, NewFigure } from './results';
import type { BenchServer } from './server';

/** What every case gets: the running server, the bench's own database connection, and where figures go. */
export interface BenchContext {
	server: BenchServer;
	db: BenchDatabase;
	opts: Options;
	record: (figure: NewFigure) => Figure;
	/** Requests per second of bare (GET /login without a session) on this server, in this run. */
	bare: number;
}

export const ratio = (ctx: BenchContext, requestsPerSecond: number) => requestsPerSecond / ctx.bare;
export const kB = (bytes: number) => bytes / 1000;
export const MB = (bytes: number) => bytes / 1e6;
