import fs from 'node:fs';
import os from 'node:os';
import type { DbChoice } from './options';

/**
 * CPU time of a process, for the database's work per enrolment (issue 14).
 * Read from /proc, so Linux only; the bench runs the server and (for MariaDB)
 * finds the database server on the same machine.
 */

/** Clock ticks per second of /proc's utime and stime: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const ticksPerSecond = 100;

/** User plus system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may hold spaces: count fields after its closing parenthesis.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export interface MeasuredProcess {
	pid: number;
	label: string;
	note: string;
}

/**
 * Whose CPU stands for "the database": on SQLite the server process itself,
 * since the database runs inside it; on MariaDB the local mariadbd (or mysqld),
 * or null when the database is on another machine and its CPU cannot be read.
 */
export function databaseProcess(dialect: DbChoice, serverPid: number): MeasuredProcess | null {
	if (dialect === 'sqlite')
		return { pid: serverPid, label: 'server (SQLite runs inside it)', note: 'the whole server process: HTTP, rendering and the queries' };
	const host = new URL(process.env.TEST_MYSQL_URL!).hostname;
	if (!['127.0.0.1', 'localhost', '::1', os.hostname()].includes(host)) return null;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let comm: string;
		try {
			comm = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
		} catch {
			continue; // the process ended while the list was read
		}
		if (comm === 'mariadbd' || comm === 'mysqld')
			return { pid: Number(entry), label: `database (${comm})`, note: `the whole ${comm} process: any other client of the same server counts too` };
	}
	return null;
}
