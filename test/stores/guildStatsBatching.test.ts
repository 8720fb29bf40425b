import { createLogger, createRedisConnection, Keyspace, ManualClock, waitForRedisReady } from '@charbot/core';
import { GuildStats } from '@charbot/stores';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const guild = '100000000000000001';
const at = Date.UTC(2025, 0, 1, 12, 30);
const hour = Math.floor(at / 3_600_000);
let server: RedisServer;
let redis: Redis;
let keys: Keyspace;
let warnings: string[];
const logger = createLogger({
	name: 'test',
	level: 'warn',
	format: 'json',
	destination: { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) },
});

beforeAll(async () => {
	server = await startRedisServer();
	redis = createRedisConnection({ url: server.url, role: 'producer' });
	await waitForRedisReady(redis);
});
afterAll(async () => {
	redis?.disconnect();
	await server?.close();
});
beforeEach(() => {
	keys = new Keyspace(uniquePrefix());
	warnings = [];
});

/** Records the same mix many times: per round 2 generations (1 from the cache), 1 passed review, 1 delivery. */
function recordRounds(stats: GuildStats, rounds: number): void {
	for (let round = 0; round < rounds; round += 1) {
		stats.recordGeneration(guild, 'peter', round % 2 === 0);
		stats.recordGeneration(guild, 'peter', false);
		stats.recordReview(guild, 'peter', 'passed');
		stats.recordDelivery(guild, 'peter', 100 + round);
	}
}

describe('GuildStats batching', () => {
	it('holds records in memory and writes their sums in one transaction', async () => {
		const stats = new GuildStats(redis, keys, { logger, clock: new ManualClock(at), flushIntervalMs: 60_000 });
		recordRounds(stats, 50);
		expect(await redis.exists(keys.statsBucket(guild, hour))).toBe(0);

		const monitor = await redis.monitor();
		const commands: string[] = [];
		monitor.on('monitor', (_time: string, args: string[]) => {
			if (args.some((arg) => arg.startsWith(keys.statsBucket(guild, hour).slice(0, -String(hour).length)))) commands.push(args[0]?.toLowerCase() ?? '');
		});
		await stats.flush();
		await waitFor(() => commands.length >= 6, 'the flush seen by MONITOR', 5000);
		monitor.disconnect();

		// One HINCRBY per field with its sum, one EXPIRE per key, the 50 samples in one LPUSH.
		expect(commands.sort()).toEqual(['expire', 'expire', 'hincrby', 'hincrby', 'hincrby', 'hincrby', 'lpush', 'ltrim']);
		expect(await redis.hgetall(keys.statsBucket(guild, hour))).toEqual({
			'peter:generated': '100',
			'peter:cacheHits': '25',
			'peter:passed': '50',
			'peter:replies': '50',
		});
		// Newest first, as when each sample was pushed on its own.
		expect((await redis.lrange(keys.statsLatency(guild, hour, 'peter'), 0, 2)).map(Number)).toEqual([149, 148, 147]);
		expect(await redis.ttl(keys.statsLatency(guild, hour, 'peter'))).toBeGreaterThan(86_400);
		expect((await stats.summary(guild))[0]).toMatchObject({ characterId: 'peter', replies: 50, generated: 100, cacheHitRate: 0.25, passRate: 1 });
	});

	it('flushes by itself within the interval, and at once when the buffer reaches flushAtSize', async () => {
		const timed = new GuildStats(redis, keys, { logger, clock: new ManualClock(at), flushIntervalMs: 50 });
		timed.recordReview(guild, 'peter', 'regenerated');
		await waitFor(async () => (await redis.hget(keys.statsBucket(guild, hour), 'peter:regenerated')) === '1', 'the timed flush', 5000);

		const full = new GuildStats(redis, keys, { logger, clock: new ManualClock(at), flushIntervalMs: 3_600_000, flushAtSize: 6 });
		recordRounds(full, 5);
		await waitFor(
			async () => Number(await redis.hget(keys.statsBucket(guild, hour), 'peter:replies')) >= 2,
			'the flush at flushAtSize (4 fields and 2 samples)',
			5000,
		);
		await full.close();
		await timed.close();
		expect(await redis.hget(keys.statsBucket(guild, hour), 'peter:replies')).toBe('5');
	});

	it('keeps the counts of a failed flush, logs it, and writes them with the next one', async () => {
		const own = await startRedisServer();
		const connection = createRedisConnection({ url: own.url, role: 'producer' });
		try {
			await waitForRedisReady(connection);
			const stats = new GuildStats(connection, keys, { logger, clock: new ManualClock(at), flushIntervalMs: 3_600_000 });
			recordRounds(stats, 3);
			await own.stop();
			await stats.flush();
			expect(warnings).toContain('could not write the guild stats; keeping them for the next flush');
			recordRounds(stats, 2);
			await own.start();
			await waitForRedisReady(connection);
			await stats.close();
			expect(await connection.hgetall(keys.statsBucket(guild, hour))).toEqual({
				'peter:generated': '10',
				'peter:cacheHits': '3',
				'peter:passed': '5',
				'peter:replies': '5',
			});
			expect((await connection.lrange(keys.statsLatency(guild, hour, 'peter'), 0, -1)).map(Number)).toEqual([101, 100, 102, 101, 100]);
		} finally {
			connection.disconnect();
			await own.close();
		}
	});

	it('holds at most maxHeldSize while flushes fail, dropping the oldest with a warning', async () => {
		const own = await startRedisServer();
		const connection = createRedisConnection({ url: own.url, role: 'producer' });
		try {
			await waitForRedisReady(connection);
			const clock = new ManualClock(at);
			const stats = new GuildStats(connection, keys, { logger, clock, flushIntervalMs: 3_600_000, flushAtSize: 2, maxHeldSize: 2 });
			await own.stop();
			stats.recordReview(guild, 'peter', 'passed');
			clock.advance(3_600_000);
			stats.recordReview(guild, 'peter', 'rejected');
			stats.recordReview(guild, 'stewie', 'passed');
			await stats.flush();
			expect(warnings).toContain('guild stats held too long while Redis failed; dropped the oldest');
			await own.start();
			await waitForRedisReady(connection);
			await stats.close();
			expect(await connection.exists(keys.statsBucket(guild, hour))).toBe(0);
			expect(await connection.hgetall(keys.statsBucket(guild, hour + 1))).toEqual({ 'peter:failed': '1', 'stewie:passed': '1' });
		} finally {
			connection.disconnect();
			await own.close();
		}
	});
});
