import { describe, expect, it } from 'vitest';
import { NotFoundError, nullIfNotFound } from '../../src/lib/server/errors';

describe('a lookup that may find nothing', () => {
	it('gives null for what is not there, and the value otherwise', async () => {
		await expect(nullIfNotFound(Promise.reject(new NotFoundError()))).resolves.toBeNull();
		await expect(nullIfNotFound(Promise.resolve({ grades: ['5'] }))).resolves.toEqual({ grades: ['5'] });
	});

	it('lets every other failure through: an unreachable database is not "no form"', async () => {
		const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		await expect(nullIfNotFound(Promise.reject(outage))).rejects.toBe(outage);
	});
});
