import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRedisOutageError } from './isRedisOutageError.js';

describe('isRedisOutageError', () => {
	it('recognises what ioredis throws while Redis is away, and Redis saying "not now"', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
		expect(isRedisOutageError(refused)).toBe(true);
		expect(isRedisOutageError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
		expect(isRedisOutageError(new Error('Connection is closed.'))).toBe(true);
		expect(isRedisOutageError(Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }))).toBe(
			true,
		);
		expect(isRedisOutageError(new Error('LOADING Redis is loading the dataset in memory'))).toBe(true);
		expect(isRedisOutageError(new Error('enqueue failed', { cause: refused }))).toBe(true);
		expect(isRedisOutageError(new AggregateError([new Error('x'), refused]))).toBe(true);
	});

	it('recognises a Redis Cluster promoting a replica: the client gives up redirecting, or has no slot map yet', () => {
		expect(isRedisOutageError(new Error('Too many Cluster redirections. Last error: ReplyError: CLUSTERDOWN The cluster is down'))).toBe(true);
		expect(isRedisOutageError(new Error("Cluster isn't ready and enableOfflineQueue options is false"))).toBe(true);
		expect(isRedisOutageError(new Error('CLUSTERDOWN The cluster is down'))).toBe(true);
	});

	it('leaves bad input and other bugs alone', () => {
		const invalid = z.object({ id: z.string() }).safeParse({ id: 1 });
		expect(isRedisOutageError(invalid.error)).toBe(false);
		expect(isRedisOutageError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
		expect(isRedisOutageError(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
		expect(isRedisOutageError('ECONNREFUSED')).toBe(false);
		expect(isRedisOutageError(undefined)).toBe(false);
	});
});
