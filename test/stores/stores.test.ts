import { createLogger, Keyspace } from '@charbot/core';
import { ChannelHistory, Cooldowns, DefaultChannelSettings, GuildStats, MemberMemory, MemberPersonas, MessageOwners, SettingsStore } from '@charbot/stores';
import { DeliveryLedger } from '../../apps/delivery/src/ledger/DeliveryLedger.js';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from './startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const guild = '100000000000000001';
const channel = '200000000000000001';
let store: StoreRedis;
let redis: Redis;
let keys: Keyspace;
const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });

beforeAll(async () => {
	store = await startStoreRedis();
	redis = store.redis;
});
afterAll(async () => {
	await store?.close();
});
beforeEach(() => {
	keys = new Keyspace(uniquePrefix());
});

describe('store options', () => {
	it('refuse a count or a duration that is not a whole number of at least 1, naming the option and the value', () => {
		expect(() => new MemberMemory(redis, keys, { maxFacts: 0 })).toThrow('maxFacts must be a whole number of at least 1, got 0');
		expect(() => new MemberPersonas(redis, keys, { ttlSeconds: 1.5 })).toThrow('ttlSeconds must be a whole number of at least 1, got 1.5');
		expect(() => new GuildStats(redis, keys, { logger, maxLatencySamples: -1 })).toThrow(RangeError);
		expect(() => new GuildStats(redis, keys, { logger, flushAtSize: 10, maxHeldSize: 5 })).toThrow('maxHeldSize must be at least flushAtSize, got 5');
		expect(() => new GuildStats(redis, keys, { logger, bucketTtlSeconds: 3600 })).not.toThrow();
	});
});

describe('SettingsStore', () => {
	it('cascades defaults ← guild ← channel', async () => {
		const store = new SettingsStore(redis, keys);
		expect(await store.effective(guild, channel)).toEqual(DefaultChannelSettings);
		await store.update(guild, { mode: 'active', userCooldownSeconds: 10 });
		await store.update(guild, { mode: 'off' }, channel);
		expect(await store.effective(guild, channel)).toMatchObject({ mode: 'off', userCooldownSeconds: 10 });
		expect(await store.effective(guild, '200000000000000002')).toMatchObject({ mode: 'active' });
		await store.reset(guild, channel);
		expect((await store.effective(guild, channel)).mode).toBe('active');
	});

	it('refuses invalid values naming the field and changes nothing', async () => {
		const store = new SettingsStore(redis, keys);
		await expect(store.update(guild, { qualityThreshold: 3 } as never)).rejects.toThrow(/qualityThreshold/);
		await expect(store.update(guild, { characters: ['Not A Slug'] })).rejects.toThrow(/characters\.0/);
		expect(await store.overrides(guild)).toEqual({});
	});
});

describe('ChannelHistory', () => {
	it('keeps the newest entries, oldest first, bounded and expiring', async () => {
		const history = new ChannelHistory(redis, keys, { maxEntries: 3, ttlSeconds: 60 });
		for (let index = 1; index <= 5; index += 1) {
			await history.append(guild, channel, { messageId: `m${index}`, authorId: 'u', authorName: 'Meg', content: `line ${index}`, at: index });
		}
		expect((await history.recent(guild, channel)).map((entry) => entry.content)).toEqual(['line 3', 'line 4', 'line 5']);
		expect((await history.recent(guild, channel, { beforeMessageId: 'm5' })).map((entry) => entry.messageId)).toEqual(['m3', 'm4']);
		expect(await redis.ttl(keys.channelHistory(guild, channel))).toBeGreaterThan(50);
	});

	it('records a message once per once-key, bounded and expiring like append, and claims the key for its TTL', async () => {
		const history = new ChannelHistory(redis, keys, { maxEntries: 2, ttlSeconds: 60, maxChars: 5 });
		const entry = (id: string) => ({ messageId: id, authorId: 'u', authorName: 'Meg', content: `long line ${id}`, at: 1 });
		const once = (id: string) => ({ key: keys.seenMessage(guild, id), ttlSeconds: 30 });
		expect(await history.appendOnce(guild, channel, entry('m1'), once('m1'))).toBe(true);
		expect(await history.appendOnce(guild, channel, entry('m1'), once('m1'))).toBe(false);
		expect(await history.appendOnce(guild, channel, entry('m2'), once('m2'))).toBe(true);
		expect(await history.appendOnce(guild, channel, entry('m3'), once('m3'))).toBe(true);
		expect((await history.recent(guild, channel)).map((line) => [line.messageId, line.content])).toEqual([
			['m2', 'long '],
			['m3', 'long '],
		]);
		expect(await redis.ttl(keys.channelHistory(guild, channel))).toBeGreaterThan(50);
		expect(await redis.ttl(keys.seenMessage(guild, 'm1'))).toBeGreaterThan(20);
		expect(await redis.ttl(keys.seenMessage(guild, 'm1'))).toBeLessThanOrEqual(30);
	});

	it('gives the conversation a reply continues: what came before the message and the answers it already got', async () => {
		const history = new ChannelHistory(redis, keys);
		const place = '222000000000000001';
		const entry = (messageId: string, content: string, extra: { characterId?: string; answers?: string } = {}) =>
			history.append(guild, place, { messageId, authorId: 'u', authorName: 'Meg', content, at: 1, ...extra });
		await entry('a1', 'earlier');
		await entry('q1', 'Stewie and Brian, hello');
		await entry('r1', 'Stewie answers', { characterId: 'stewie', answers: 'q1' });
		await entry('q2', 'someone else, meanwhile');
		await entry('r2', 'Peter answers q2', { characterId: 'peter', answers: 'q2' });
		const conversation = await history.conversationAt(guild, place, 'q1', 5);
		expect(conversation.before.map((each) => each.messageId)).toEqual(['a1']);
		expect(conversation.answers.map((each) => each.content)).toEqual(['Stewie answers']);
		expect((await history.conversationAt(guild, place, 'q2', 1)).before.map((each) => each.messageId)).toEqual(['r1']);
	});
});

describe('MessageOwners, Cooldowns, DeliveryLedger', () => {
	it('remembers who posted a message', async () => {
		const owners = new MessageOwners(redis, keys);
		await owners.remember(guild, '300000000000000001', { characterId: 'peter', cascadeDepth: 1 });
		expect(await owners.owner(guild, '300000000000000001')).toEqual({ characterId: 'peter', cascadeDepth: 1 });
		expect(await owners.owner(guild, '300000000000000002')).toBeUndefined();
	});

	it('lets one start per cooldown window', async () => {
		const cooldowns = new Cooldowns(redis, keys);
		expect(await cooldowns.tryStart(guild, 'user', 'u1', 1)).toBe(true);
		expect(await cooldowns.tryStart(guild, 'user', 'u1', 1)).toBe(false);
		expect(await cooldowns.tryStart(guild, 'user', 'u2', 1)).toBe(true);
		expect(await cooldowns.tryStart(guild, 'channel', 'c', 0)).toBe(true);
		expect(await cooldowns.tryStart(guild, 'channel', 'c', 0)).toBe(true);
	});

	it('records posted parts', async () => {
		const ledger = new DeliveryLedger(redis, keys);
		expect(await ledger.posted(guild, 'msg-1-peter', 0)).toBeUndefined();
		await ledger.record(guild, 'msg-1-peter', 0, '400000000000000001');
		expect(await ledger.posted(guild, 'msg-1-peter', 0)).toBe('400000000000000001');
	});

	it('lets one attempt at a time claim a part, until it posts, gives up or its claim runs out', async () => {
		const ledger = new DeliveryLedger(redis, keys);
		const first = await ledger.claim(guild, 'msg-2-peter', 0, 60_000);
		expect(first).toBeDefined();
		expect(await ledger.claim(guild, 'msg-2-peter', 0, 60_000), 'a second attempt while the first posts').toBeUndefined();
		expect(await ledger.posted(guild, 'msg-2-peter', 0), 'a claim is not a post').toBeUndefined();
		expect(await ledger.claimRemainingMs(guild, 'msg-2-peter', 0)).toBeGreaterThan(50_000);

		await ledger.release(first as NonNullable<typeof first>);
		const second = await ledger.claim(guild, 'msg-2-peter', 0, 60_000);
		expect(second, 'claimable again once released').toBeDefined();
		await ledger.release(first as NonNullable<typeof first>);
		expect(await ledger.claim(guild, 'msg-2-peter', 0, 60_000), 'releasing a stale claim leaves the current one alone').toBeUndefined();

		await ledger.record(guild, 'msg-2-peter', 0, '400000000000000002');
		await ledger.release(second as NonNullable<typeof second>);
		expect(await ledger.posted(guild, 'msg-2-peter', 0), 'a release never removes a post').toBe('400000000000000002');
		expect(await ledger.claim(guild, 'msg-2-peter', 0, 60_000)).toBeUndefined();

		expect(await ledger.claim(guild, 'msg-3-peter', 0, 50)).toBeDefined();
		await new Promise((resolve) => setTimeout(resolve, 120));
		expect(await ledger.claim(guild, 'msg-3-peter', 0, 60_000), 'a claim of a crashed attempt runs out').toBeDefined();
	});
});
