// Two "processes" on their own connections to one real redis-server: one reads settings through a SettingsCache, the
// other writes them. Whether a read reached Redis is counted by the server itself (INFO commandstats' mget calls).
import { createLogger, createRedisConnection, Keyspace, ManualClock, waitForRedisReady } from '@charbot/core';
import { SettingsCache, SettingsStore } from '@charbot/stores';
import { startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StoreRedis, startStoreRedis } from './startStoreRedis.js';

const guild = '100000000000000001';
const otherGuild = '100000000000000002';
const channel = '200000000000000001';
const otherChannel = '200000000000000002';
const erin = { id: '300000000000000001', name: 'erin' };
const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
let server: StoreRedis;
let keys: Keyspace;
const opened: { close(): unknown }[] = [];

/** A connection of its own, as another process would have. */
async function connect(): Promise<Redis> {
	const redis = createRedisConnection({ url: server.server.url, role: 'producer', logger, connectionName: 'settings-cache-test' });
	opened.push({ close: () => redis.disconnect() });
	await waitForRedisReady(redis);
	return redis;
}

/** A process reading through a cache that follows the announcements; resolves once it listens. */
async function cachedReader(options: { ttlMs?: number; maxEntries?: number; clock?: ManualClock } = {}) {
	const redis = await connect();
	const cache = new SettingsCache(redis, keys, { logger, ...options });
	opened.push(cache);
	await waitFor(() => cache.stats.subscribed, 'the settings cache subscribed');
	return { redis, cache, store: new SettingsStore(redis, keys, { cache }) };
}

/** How many MGETs the server ran so far: each is one settings read that reached Redis. */
async function mgetCalls(): Promise<number> {
	const stats = await server.redis.info('commandstats');
	return Number(/cmdstat_mget:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

beforeAll(async () => {
	server = await startStoreRedis();
});
afterAll(async () => {
	await server?.close();
});
beforeEach(() => {
	keys = new Keyspace(uniquePrefix());
});
afterEach(async () => {
	for (const part of opened.splice(0).reverse()) await part.close();
});

describe('SettingsCache', () => {
	it("serves repeated reads from memory and another process's change once its announcement arrives", async () => {
		const reader = await cachedReader();
		const writer = new SettingsStore(await connect(), keys);
		const before = await mgetCalls();
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(1);
		for (let read = 0; read < 5; read += 1) expect((await reader.store.layers(guild, channel)).effective.talkativeness).toBe(1);
		expect(await mgetCalls()).toBe(before + 1);
		expect(reader.cache.stats).toMatchObject({ entries: 1, hits: 5, misses: 1 });

		await writer.change(guild, { talkativeness: 2 }, { actor: erin, channelId: channel });
		await waitFor(() => reader.cache.stats.invalidations === 1, 'the change was announced');
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(2);
		expect(await reader.store.effective(guild, channel)).toMatchObject({ talkativeness: 2 });
		expect(await mgetCalls()).toBe(before + 2);
	});

	it("drops every channel of a guild on a guild's change, and no other guild's", async () => {
		const reader = await cachedReader();
		const writer = new SettingsStore(await connect(), keys);
		for (const [guildId, channelId] of [
			[guild, channel],
			[guild, otherChannel],
			[otherGuild, channel],
		] as const)
			await reader.store.effective(guildId, channelId);
		expect(reader.cache.stats.entries).toBe(3);

		await writer.change(guild, { memory: false }, { actor: erin });
		await waitFor(() => reader.cache.stats.invalidations === 1, 'the change was announced');
		expect(reader.cache.stats.entries).toBe(1);
		expect((await reader.store.effective(guild, channel)).memory).toBe(false);
		expect((await reader.store.effective(guild, otherChannel)).memory).toBe(false);
		const before = await mgetCalls();
		expect((await reader.store.effective(otherGuild, channel)).memory).toBe(true);
		expect(await mgetCalls()).toBe(before);
	});

	it('is told of every kind of write: update, reset, change and clear', async () => {
		const reader = await cachedReader();
		const writer = new SettingsStore(await connect(), keys);
		const writes: [() => Promise<unknown>, number][] = [
			[() => writer.update(guild, { banterLimit: 1 }, channel), 1],
			[() => writer.reset(guild, channel), 3],
			[() => writer.change(guild, { banterLimit: 2 }, { actor: erin }), 2],
			[() => writer.clear(guild, { actor: erin }), 3],
		];
		expect((await reader.store.effective(guild, channel)).banterLimit).toBe(3);
		for (const [index, [write, banterLimit]] of writes.entries()) {
			await reader.store.effective(guild, channel);
			await write();
			await waitFor(() => reader.cache.stats.invalidations === index + 1, `write ${index + 1} was announced`);
			expect((await reader.store.effective(guild, channel)).banterLimit).toBe(banterLimit);
		}
	});

	it('reads its own write at once, before the announcement comes back', async () => {
		const reader = await cachedReader();
		await reader.store.effective(guild, channel);
		await reader.store.change(guild, { talkativeness: 3 }, { actor: erin, channelId: channel });
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(3);
		await reader.store.update(guild, { talkativeness: 2 }, channel);
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(2);
	});

	it('empties itself when its subscription connection drops, since announcements may have been missed', async () => {
		const reader = await cachedReader();
		const other = await connect();
		await reader.store.effective(guild, channel);
		// Written behind the stores' back: no announcement, so only the reconnect can tell the cache.
		await other.set(keys.settings(guild, channel), JSON.stringify({ talkativeness: 3 }));
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(1);

		await other.client('KILL', 'TYPE', 'pubsub');
		await waitFor(() => reader.cache.stats.entries === 0, 'the cache emptied');
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(3);
		await waitFor(() => reader.cache.stats.subscribed, 'the cache subscribed again');
		await reader.store.effective(guild, channel);
		const before = await mgetCalls();
		await reader.store.effective(guild, channel);
		expect(await mgetCalls()).toBe(before);
	});

	it('does not keep what a read returned when a change was announced while it ran', async () => {
		const reader = await cachedReader();
		const writer = new SettingsStore(await connect(), keys);
		const before = await mgetCalls();
		const racing = reader.store.effective(guild, channel);
		// The read's MGET is on its way; its answer waits, unread, until the change's announcement was handled.
		reader.redis.stream.pause();
		await waitFor(async () => (await mgetCalls()) === before + 1, 'Redis ran the racing read');
		await writer.change(guild, { talkativeness: 2 }, { actor: erin, channelId: channel });
		await waitFor(() => reader.cache.stats.invalidations === 1, 'the change was announced');
		reader.redis.stream.resume();
		expect((await racing).talkativeness).toBe(1);
		expect(reader.cache.stats.entries).toBe(0);
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(2);
	});

	it('serves an entry no longer than its time to live, and keeps the most recently read channels', async () => {
		const clock = new ManualClock(1_000_000);
		const reader = await cachedReader({ ttlMs: 60_000, maxEntries: 2, clock });
		const other = await connect();
		await reader.store.effective(guild, channel);
		await other.set(keys.settings(guild, channel), JSON.stringify({ talkativeness: 3 }));
		clock.advance(59_999);
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(1);
		clock.advance(1);
		expect((await reader.store.effective(guild, channel)).talkativeness).toBe(3);

		await reader.store.effective(guild, otherChannel);
		await reader.store.effective(guild, channel);
		await reader.store.effective(otherGuild, channel);
		expect(reader.cache.stats).toMatchObject({ entries: 2, misses: 4 });
		await reader.store.effective(guild, channel);
		expect(reader.cache.stats.misses).toBe(4);
		await reader.store.effective(guild, otherChannel);
		expect(reader.cache.stats.misses).toBe(5);
	});

	it('follows a restarted Redis: empty while it is away, caching once it is back, and closes without waiting for it', async () => {
		const own = await startRedisServer();
		try {
			const redis = createRedisConnection({ url: own.url, role: 'producer', logger });
			opened.push({ close: () => redis.disconnect() });
			await waitForRedisReady(redis);
			const cache = new SettingsCache(redis, keys, { logger });
			opened.push(cache);
			const store = new SettingsStore(redis, keys, { cache });
			await waitFor(() => cache.stats.subscribed, 'the settings cache subscribed');
			await store.effective(guild, channel);
			expect(cache.stats.entries).toBe(1);
			await own.stop();
			await waitFor(() => !cache.stats.subscribed && cache.stats.entries === 0, 'the cache emptied while Redis is away');
			await own.start();
			await waitFor(() => cache.stats.subscribed, 'the cache subscribed again', 15_000);
			await store.effective(guild, channel);
			expect(cache.stats.entries).toBe(1);
			await own.stop();
			await cache.close();
			expect(cache.stats).toMatchObject({ subscribed: false, entries: 0 });
		} finally {
			await own.close();
		}
	});

	it('reads uncached once closed, and refuses options that are not whole numbers of at least 1', async () => {
		const reader = await cachedReader();
		await reader.cache.close();
		expect(reader.cache.stats.subscribed).toBe(false);
		const before = await mgetCalls();
		await reader.store.effective(guild, channel);
		await reader.store.effective(guild, channel);
		expect(await mgetCalls()).toBe(before + 2);
		expect(() => new SettingsCache(reader.redis, keys, { logger, maxEntries: 0 })).toThrow('maxEntries must be a whole number of at least 1, got 0');
		expect(() => new SettingsCache(reader.redis, keys, { logger, ttlMs: 0.5 })).toThrow(/ttlMs/);
	});
});
