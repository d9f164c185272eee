import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import settings from '../../project.inlang/settings.json';
import * as m from '../../src/lib/paraglide/messages';

/** A message: plain text, or variants (e.g. English ordinals: 1st, 2nd, 3rd, 4th) each with its own text. */
type Message = string | { match: Record<string, string> }[];
const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match)));

/** Every message file of the project, per locale, as listed in project.inlang. */
function load(locale: string): Record<string, Message>[] {
	return settings['plugin.inlang.messageFormat'].pathPattern.map((pattern: string) => {
		const file = path.resolve(pattern.replace('{locale}', locale));
		const json = JSON.parse(fs.readFileSync(file, 'utf8'));
		delete json.$schema;
		return json;
	});
}

const params = (message: Message) => [...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

describe('messages', () => {
	const nl = load('nl');
	const en = load('en');

	it('exist in Dutch and English with the same keys, file by file', () => {
		nl.forEach((file, i) => expect(Object.keys(en[i]).sort()).toEqual(Object.keys(file).sort()));
	});

	it('never define one key in two files (the later one would silently win)', () => {
		const keys = nl.flatMap((file) => Object.keys(file));
		expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
	});

	it('use the same parameters in both languages, and none is empty', () => {
		nl.forEach((file, i) => {
			for (const [key, message] of Object.entries(file)) {
				expect(params(message), key).toEqual(params(en[i][key]));
				for (const text of [...texts(message), ...texts(en[i][key])]) expect(text.trim(), key).not.toBe('');
			}
		});
	});

	it('were compiled (an offline build that loaded no plugin would emit none)', () => {
		expect(m.login_title({}, { locale: 'nl' })).toBe('Aanmelden');
		expect(m.login_title({}, { locale: 'en' })).toBe('Log in');
		expect(m.welcome({ name: 'Zoë' }, { locale: 'en' })).toBe('Welcome, Zoë');
	});
});
