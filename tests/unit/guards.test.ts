import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, guardTable, safeReturnPath } from '../../src/lib/server/auth/guards';
import { endpointRouteIds, pageRouteIds } from '../../src/lib/server/auth/route-ids';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/domain';

/** Route ids from the files on disk, independently of route-ids.ts. */
function routeIdsOnDisk(): string[] {
	const root = path.resolve('src/routes');
	const ids: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.svelte' || entry.name === '+server.ts') {
				const id = '/' + path.relative(root, dir).split(path.sep).join('/');
				ids.push(id === '/' ? '/' : id.replace(/\/$/, ''));
			}
		}
	};
	walk(root);
	return [...new Set(ids)].sort();
}

const user = (...roles: Role[]): SessionUser => ({ id: 1, email: 'x@y.be', displayName: 'X', locale: 'nl', roles, organisationId: null });

describe('the guard table', () => {
	it('has an entry for every page and endpoint, and none for a route that does not exist', () => {
		const onDisk = routeIdsOnDisk();
		expect(onDisk.length).toBeGreaterThan(10);
		expect(Object.keys(guardTable).sort()).toEqual(onDisk);
		expect([...new Set([...pageRouteIds, ...endpointRouteIds])].sort()).toEqual(onDisk);
	});

	it('denies by default: an unknown route id sends anonymous users to login and refuses everyone else', () => {
		expect(decide('/(app)/coordinator/secret-new-page', null)).toBe('login');
		expect(decide('/(app)/coordinator/secret-new-page', user('coordinator'))).toBe('forbidden');
	});

	it('keeps every page inside (app) away from anonymous users', () => {
		for (const id of Object.keys(guardTable).filter((id) => id.startsWith('/(app)'))) {
			expect(decide(id, null), id).toBe('login');
		}
	});

	it('gives coordinator pages to coordinators only, and role pages to their role', () => {
		for (const id of Object.keys(guardTable).filter((id) => id.startsWith('/(app)/coordinator'))) {
			expect(decide(id, user('teacher', 'trainer')), id).toBe('forbidden');
			expect(decide(id, user('coordinator')), id).toBe('allow');
		}
		expect(decide('/(app)/trainer', user('teacher'))).toBe('forbidden');
		expect(decide('/(app)/teacher', user('teacher', 'trainer'))).toBe('allow');
		expect(decide('/(app)/account', user('teacher'))).toBe('allow');
	});

	it('leaves public pages public', () => {
		for (const id of ['/', '/(public)/login', '/(public)/register', '/(public)/privacy', '/(public)/accessibility', '/health']) {
			expect(decide(id, null), id).toBe('allow');
		}
	});
});

describe('return-to paths after login', () => {
	it.each([
		['/coordinator/people?q=x', '/coordinator/people?q=x'],
		['//evil.example/path', '/'],
		['/\\evil.example', '/'],
		['https://evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/ok\nSet-Cookie: x', '/'],
		[null, '/'],
		['', '/']
	])('%s becomes %s', (input, expected) => {
		expect(safeReturnPath(input)).toBe(expected);
	});
});
