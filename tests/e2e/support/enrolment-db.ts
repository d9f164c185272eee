import { read } from './read-db';
import { expect } from '@playwright/test';

/**
 * Read-only look-ups for the enrolment specs in the e2e database (`.e2e/app.sqlite`),
 * in the manner of db.ts: a fresh read-only connection per read, no state between tests.
 */

export type ClassMail = 'class_enrolled' | 'class_waiting' | 'class_promoted';

export interface EditionRow {
	id: number;
	name: string;
	workshopStartsOn: string;
	workshopEndsOn: string;
}

/** A calendar date in Brussels, YYYY-MM-DD (the app's local day). */
export function brusselsToday(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/**
 * The demo's upcoming edition, "PAARS <year of the next 17 May>" (db/seeds/demo.ts):
 * published, enrolment open, at most 8 classes per campus.
 */
export function upcomingEdition(): EditionRow {
	const today = brusselsToday();
	const year = Number(today.slice(0, 4));
	const name = `PAARS ${today <= `${year}-05-17` ? year : year + 1}`;
	const row = read(
		(db) =>
			db.prepare('select id, name, workshop_starts_on as workshopStartsOn, workshop_ends_on as workshopEndsOn from editions where name = ?').get(name) as
				EditionRow | undefined
	);
	if (!row) throw new Error(`No edition named ${name}`);
	return row;
}

/** A year no edition of the PAARS campaign uses yet (editions are unique per campaign and year). */
export function freeEditionYear(from = 2060): number {
	const used = new Set(read((db) => (db.prepare('select year from editions').all() as { year: number }[]).map((r) => r.year)));
	let year = from;
	while (used.has(year)) year += 1;
	return year;
}

/** The id of some class of the campus in the edition (any status). */
export function someClassIdAt(campusName: string, editionId: number): number {
	const row = read(
		(db) =>
			db
				.prepare(
					'select classes.id as id from classes join campuses on campuses.id = classes.campus_id where campuses.name = ? and classes.edition_id = ? order by classes.id limit 1'
				)
				.get(campusName, editionId) as { id: number } | undefined
	);
	if (!row) throw new Error(`No class at ${campusName}`);
	return row.id;
}

/** How many classes (any status) carry this name: a refused form must not have written one. */
export function classCountNamed(name: string): number {
	return read((db) => (db.prepare('select count(*) as n from classes where name = ?').get(name) as { n: number }).n);
}

/**
 * The mails of this kind queued for one class, newest first. The outbox's dedupe key
 * is `<template>:<class id>:<time>` (src/lib/server/enrolments/enrolment-mail.ts).
 */
function classMails(classId: number, template: ClassMail) {
	return read(
		(db) =>
			db
				.prepare('select recipient, subject, params_json as params from mail_outbox where template = ? and dedupe_key like ? order by id desc')
				.all(template, `${template}:${classId}:%`) as { recipient: string; subject: string; params: string }[]
	);
}

/**
 * Waits for a mail of this kind about the class and returns the newest one. The mail
 * is queued in the transaction that answered the request; polling only guards against
 * a slow disk.
 */
export async function classMail(classId: number, template: ClassMail): Promise<{ recipient: string; subject: string; params: Record<string, unknown> }> {
	await expect.poll(() => classMails(classId, template).length, { message: `a ${template} mail about class ${classId}` }).toBeGreaterThan(0);
	const [mail] = classMails(classId, template);
	return { recipient: mail.recipient, subject: mail.subject, params: JSON.parse(mail.params) };
}

export const classMailCount = (classId: number, template: ClassMail) => classMails(classId, template).length;
