import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, maskEmails } from '../../src/lib/server/log';
import { maskUrl } from '../../src/lib/server/config';

describe('logging', () => {
	afterEach(() => vi.restoreAllMocks());

	it('masks e-mail addresses in messages and nested fields', () => {
		expect(maskEmails('login by zoe.peeters@school.be failed')).toBe('login by z***@school.be failed');
		process.env.LOG_IN_TESTS = '1';
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		logger.info('mail for lies@school.be', { to: ['griet@stad.be'], user: { email: 'a.b@c.org' } });
		delete process.env.LOG_IN_TESTS;
		const line = JSON.parse(String(write.mock.calls[0][0]));
		expect(line).toMatchObject({ level: 'info', msg: 'mail for l***@school.be', to: ['g***@stad.be'], user: { email: 'a***@c.org' } });
		expect(JSON.stringify(line)).not.toMatch(/lies@|griet@|a\.b@/);
	});

	it('masks the password in a database URL', () => {
		expect(maskUrl('mysql://app:s3cr3t@db.internal:3306/campaigns')).toBe('mysql://app:***@db.internal:3306/campaigns');
		expect(maskUrl('sqlite:data/app.sqlite')).toBe('sqlite:data/app.sqlite');
	});
});
