import { describe, expect, it } from 'vitest';
import { FaultInjector } from './FaultInjector.js';
import { RateLimitBuckets } from './RateLimitBuckets.js';

const send = 'POST /channels/:channelId/messages';

describe('FaultInjector', () => {
	it('answers the next N matching requests with 429 and then lets them through', () => {
		const faults = new FaultInjector();
		faults.addRateLimit({ route: send, count: 2, retryAfterMs: 300 });
		expect(faults.take('GET /users/@me')).toBeNull();
		expect(faults.take(send)).toEqual({ kind: 'rateLimit', retryAfterMs: 300, global: false, scope: 'user' });
		expect(faults.take(send)?.kind).toBe('rateLimit');
		expect(faults.take(send)).toBeNull();
	});

	it('runs a storm for a duration with retry_after counting down', () => {
		const faults = new FaultInjector();
		faults.addRateLimit({ durationMs: 1000, global: true }, 10_000);
		expect(faults.take('GET /users/@me', 10_400)).toEqual({ kind: 'rateLimit', retryAfterMs: 600, global: true, scope: 'global' });
		expect(faults.take('GET /users/@me', 11_000)).toBeNull();
	});

	it('fails N requests with the chosen 5xx, matching by pattern', () => {
		const faults = new FaultInjector();
		faults.addServerErrors({ route: /messages/, count: 1, status: 502 });
		expect(faults.take('GET /users/@me')).toBeNull();
		expect(faults.take(send)).toEqual({ kind: 'serverError', status: 502 });
		expect(faults.take(send)).toBeNull();
	});

	it('refuses faults that could never end or are not 5xx', () => {
		const faults = new FaultInjector();
		expect(() => faults.addRateLimit({})).toThrow(/count or durationMs/);
		expect(() => faults.addServerErrors({ count: 1, status: 404 })).toThrow(/5xx/);
	});
});

describe('RateLimitBuckets', () => {
	it('counts per route and major parameter and resets after the window', () => {
		const buckets = new RateLimitBuckets(() => ({ limit: 2, windowMs: 1000 }));
		expect(buckets.take(send, 'a', 0)).toMatchObject({ limit: 2, remaining: 1, resetAt: 1000, exceeded: false });
		expect(buckets.take(send, 'b', 0).remaining).toBe(1);
		expect(buckets.take(send, 'a', 10)).toMatchObject({ remaining: 0, exceeded: false });
		expect(buckets.take(send, 'a', 20)).toMatchObject({ remaining: 0, exceeded: true });
		expect(buckets.take(send, 'a', 1000)).toMatchObject({ remaining: 1, exceeded: false });
		expect(buckets.take(send, 'a', 0).bucket).toMatch(/^[0-9a-f]{32}$/);
	});
});
