import { DefaultChannelSettings, GuildStats, MemberMemory, SettingsAudit, SettingsAuditLimit, SettingsStore } from '@charbot/stores';
import { createLogger, Keyspace, ManualClock } from '@charbot/core';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from '../stores/startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const guild = '100000000000000001';
const channel = '200000000000000001';
const erin = { id: '300000000000000001', name: 'erin' };
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

describe('SettingsStore audited changes', () => {
	it('records who changed which key at which level, old → new, newest first, and reads the layers', async () => {
		const store = new SettingsStore(redis, keys);
		const audit = new SettingsAudit(redis, keys);
		const first = await store.change(guild, { qualityThreshold: 0.8, judge: 'always' }, { actor: erin, at: 1000 });
		expect(first.entries.map((entry) => [entry.key, entry.before, entry.after])).toEqual([
			['qualityThreshold', null, 0.8],
			['judge', null, 'always'],
		]);
		await store.change(guild, { qualityThreshold: 0.7 }, { actor: erin, channelId: channel, at: 2000 });
		await store.change(guild, { qualityThreshold: 0.9, judge: 'always' }, { actor: erin, at: 3000 });
		const layers = await store.layers(guild, channel);
		expect(layers.server).toEqual({ qualityThreshold: 0.9, judge: 'always' });
		expect(layers.channel).toEqual({ qualityThreshold: 0.7 });
		expect(layers.effective).toEqual({ ...DefaultChannelSettings, qualityThreshold: 0.7, judge: 'always' });
		const recent = await audit.recent(guild);
		expect(recent.map((entry) => [entry.scope, entry.key, entry.before, entry.after, entry.actorName])).toEqual([
			['server', 'qualityThreshold', 0.8, 0.9, 'erin'],
			['channel', 'qualityThreshold', null, 0.7, 'erin'],
			['server', 'qualityThreshold', null, 0.8, 'erin'],
			['server', 'judge', null, 'always', 'erin'],
		]);
		expect(recent[1]).toMatchObject({ channelId: channel, at: 2000 });
	});

	it('clears one key or a whole level, audited; an unchanged write records nothing', async () => {
		const store = new SettingsStore(redis, keys);
		await store.change(guild, { talkativeness: 2, memory: false }, { actor: erin, channelId: channel });
		expect((await store.change(guild, { talkativeness: 2 }, { actor: erin, channelId: channel })).entries).toEqual([]);
		const cleared = await store.clear(guild, { actor: erin, channelId: channel, keys: ['memory'] });
		expect(cleared.after).toEqual({ talkativeness: 2 });
		expect((await store.clear(guild, { actor: erin, channelId: channel })).entries.map((entry) => entry.key)).toEqual(['talkativeness']);
		expect(await redis.exists(keys.settings(guild, channel))).toBe(0);
		expect((await new SettingsAudit(redis, keys).recent(guild)).map((entry) => `${entry.key}:${String(entry.after)}`)).toEqual([
			'talkativeness:null',
			'memory:null',
			'talkativeness:2',
			'memory:false',
		]);
	});

	it('refuses invalid values naming the field and changes nothing; a whole level that no longer validates can still be cleared', async () => {
		const store = new SettingsStore(redis, keys);
		await expect(store.change(guild, { qualityThreshold: 3 }, { actor: erin })).rejects.toThrow(/qualityThreshold/);
		expect(await store.overrides(guild)).toEqual({});
		expect(await new SettingsAudit(redis, keys).recent(guild)).toEqual([]);
		await redis.set(keys.settings(guild), JSON.stringify({ talkativeness: 99 }));
		await expect(store.effective(guild, channel)).rejects.toThrow(/are invalid/);
		const cleared = await store.clear(guild, { actor: erin });
		expect(cleared.entries.map((entry) => entry.key)).toEqual(['*']);
		expect(await store.effective(guild, channel)).toEqual(DefaultChannelSettings);
	});

	it('reads the on/off judge stored before it had modes: true is always, false is off', async () => {
		const store = new SettingsStore(redis, keys);
		expect(DefaultChannelSettings).toMatchObject({ judge: 'borderline', judgeBand: 0.25 });
		await redis.set(keys.settings(guild), JSON.stringify({ judge: true }));
		await redis.set(keys.settings(guild, channel), JSON.stringify({ judge: false }));
		expect((await store.effective(guild, '200000000000000002')).judge).toBe('always');
		expect((await store.effective(guild, channel)).judge).toBe('off');
		const changed = await store.change(guild, { judgeBand: 0.3 }, { actor: erin });
		expect(changed.entries.map((entry) => [entry.key, entry.before, entry.after])).toEqual([['judgeBand', null, 0.3]]);
		expect(JSON.parse((await redis.get(keys.settings(guild))) ?? '{}')).toEqual({ judge: 'always', judgeBand: 0.3 });
		await expect(store.change(guild, { judgeBand: 2 }, { actor: erin })).rejects.toThrow(/judgeBand/);
	});

	it('loses no change when admins write the same level at once, and caps the audit list', async () => {
		const store = new SettingsStore(redis, keys);
		await Promise.all([
			store.change(guild, { talkativeness: 2 }, { actor: erin }),
			store.change(guild, { banterLimit: 1 }, { actor: erin }),
			store.change(guild, { memory: false }, { actor: erin }),
			store.change(guild, { judge: 'off' }, { actor: erin }),
		]);
		expect(await store.overrides(guild)).toEqual(expect.objectContaining({ talkativeness: 2, banterLimit: 1, memory: false, judge: 'off' }));
		for (let index = 0; index < SettingsAuditLimit + 10; index += 1) await store.change(guild, { userCooldownSeconds: index % 50 }, { actor: erin });
		expect(await redis.llen(keys.settingsAudit(guild))).toBe(SettingsAuditLimit);
	});
});

describe('MemberMemory', () => {
	const alice = '400000000000000001';

	it('keeps facts per guild and member, deduplicated, bounded in count and length, with an expiry', async () => {
		const memory = new MemberMemory(redis, keys, { maxFacts: 3, maxFactChars: 20, ttlSeconds: 600 });
		expect(await memory.add(guild, alice, 'I hate cats', 1)).toBe('added');
		expect(await memory.add(guild, alice, '  i HATE   cats. ', 2)).toBe('refreshed');
		expect(await memory.add(guild, alice, 'I play the cello', 3)).toBe('added');
		expect(await memory.add(guild, alice, 'I was born in 1990 in Quahog', 4)).toBe('added');
		expect(await memory.add(guild, alice, '   ', 5)).toBe('empty');
		expect((await memory.list(guild, alice)).map((fact) => fact.text)).toEqual(['i HATE cats.', 'I play the cello', 'I was born in 1990 i']);
		expect(await memory.add(guild, alice, 'I like jazz', 6)).toBe('added');
		expect((await memory.list(guild, alice)).map((fact) => fact.text)).toEqual(['I play the cello', 'I was born in 1990 i', 'I like jazz']);
		expect(await memory.list('100000000000000002', alice)).toEqual([]);
		expect(await redis.ttl(keys.memberMemory(guild, alice))).toBeGreaterThan(500);
		expect(await memory.forget(guild, alice)).toBe(3);
		expect(await memory.list(guild, alice)).toEqual([]);
		expect(await memory.forget(guild, alice)).toBe(0);
	});
});

describe('GuildStats', () => {
	it('sums hourly buckets over the window: replies, pass rate, median latency, cache hit rate', async () => {
		const clock = new ManualClock(Date.UTC(2025, 0, 1, 12, 30));
		const stats = new GuildStats(redis, keys, { logger, clock, maxLatencySamples: 3 });
		stats.recordGeneration(guild, 'peter', true);
		stats.recordGeneration(guild, 'peter', false);
		stats.recordReview(guild, 'peter', 'repaired');
		stats.recordReview(guild, 'peter', 'regenerated');
		stats.recordDelivery(guild, 'peter', 900);
		clock.advance(3_600_000);
		for (const latency of [100, 200, 300, 400]) stats.recordDelivery(guild, 'peter', latency);
		stats.recordReview(guild, 'stewie', 'passed');
		stats.recordGeneration(guild, 'stewie', false);
		stats.recordDelivery('100000000000000002', 'peter', 5);
		await stats.flush();

		const summary = await stats.summary(guild);
		expect(summary).toEqual([
			{
				characterId: 'peter',
				replies: 5,
				passed: 1,
				failed: 1,
				repaired: 1,
				regenerated: 1,
				passRate: 0.5,
				medianLatencyMs: 350,
				generated: 2,
				cacheHits: 1,
				cacheHitRate: 0.5,
			},
			{
				characterId: 'stewie',
				replies: 0,
				passed: 1,
				failed: 0,
				repaired: 0,
				regenerated: 0,
				passRate: 1,
				medianLatencyMs: null,
				generated: 1,
				cacheHits: 0,
				cacheHitRate: 0,
			},
		]);
		expect((await stats.summary(guild, 1))[0]).toMatchObject({ characterId: 'peter', replies: 4, passed: 0, passRate: null });
		clock.advance(24 * 3_600_000);
		expect(await stats.summary(guild)).toEqual([]);
		const hour = Math.floor(Date.UTC(2025, 0, 1, 12, 30) / 3_600_000);
		expect(await redis.ttl(keys.statsBucket(guild, hour))).toBeGreaterThan(86_400);
	});
});
