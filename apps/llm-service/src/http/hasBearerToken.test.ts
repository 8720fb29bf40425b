import { describe, expect, it } from 'vitest';
import { hasBearerToken } from './hasBearerToken.js';

describe('hasBearerToken', () => {
	it('accepts exactly the configured token after "Bearer"', () => {
		expect(hasBearerToken('Bearer s3cret-admin-token', 's3cret-admin-token')).toBe(true);
		expect(hasBearerToken('bearer s3cret-admin-token', 's3cret-admin-token')).toBe(true);
	});

	it('refuses a missing, different, prefixed or non-bearer credential', () => {
		expect(hasBearerToken(undefined, 's3cret-admin-token')).toBe(false);
		expect(hasBearerToken('Bearer s3cret-admin-toke', 's3cret-admin-token')).toBe(false);
		expect(hasBearerToken('Bearer s3cret-admin-token-and-more', 's3cret-admin-token')).toBe(false);
		expect(hasBearerToken('Basic s3cret-admin-token', 's3cret-admin-token')).toBe(false);
		expect(hasBearerToken('Bearer ', 's3cret-admin-token')).toBe(false);
	});
});
