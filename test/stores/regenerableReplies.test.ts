import { ChannelHistory, type HistoryEntry, type RegenerableReply, RegenerableReplies } from '@charbot/stores';
import { Keyspace } from '@charbot/core';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from './startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const guild = '100000000000000001';
const channel = '200000000000000001';
let store: StoreRedis;
let redis: Redis;
let keys: Keyspace;

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

function reply(messageIds: string[], text = 'Heh heh, the boat floats.'): RegenerableReply {
	return {
		jobKey: 'msg-300000000000000001-peter',
		message: {
			id: '300000000000000001',
			channelId: channel,
			guildId: guild,
			author: { id: '400000000000000001', username: 'alice', displayName: 'Alice', isBot: false },
			content: 'Peter, does the boat float?',
			createdAt: 1_700_000_000_000,
		},
		characterId: 'peter',
		trigger: 'name',
		cascadeDepth: 0,
		turnOf: '300000000000000001',
		text,
		model: 'llama3.2:1b',
		messageIds,
	};
}

describe('RegenerableReplies', () => {
	it('keeps a reply under the id of its last part for a day, and reads it back', async () => {
		const store = new RegenerableReplies(redis, keys);
		const stored = reply(['500000000000000001', '500000000000000002']);
		await store.remember(guild, stored);
		expect(await store.get(guild, '500000000000000002')).toEqual(stored);
		expect(await store.get(guild, '500000000000000001')).toBeUndefined();
		const ttl = await redis.ttl(keys.regenerableReply(guild, '500000000000000002'));
		expect(ttl).toBeGreaterThan(86_000);
		expect(ttl).toBeLessThanOrEqual(86_400);
	});

	it('moves the record when a regeneration ends on another part, dropping the old one', async () => {
		const store = new RegenerableReplies(redis, keys);
		await store.remember(guild, reply(['500000000000000001']));
		const longer = reply(['500000000000000001', '500000000000000003'], 'A longer take.');
		await store.remember(guild, longer, '500000000000000001');
		expect(await store.get(guild, '500000000000000001')).toBeUndefined();
		expect(await store.get(guild, '500000000000000003')).toEqual(longer);
		// Ending on the same part replaces the record in place.
		await store.remember(guild, { ...longer, text: 'Third take.' }, '500000000000000003');
		expect((await store.get(guild, '500000000000000003'))?.text).toBe('Third take.');
	});

	it('validates on read: a malformed or foreign record is no record', async () => {
		const store = new RegenerableReplies(redis, keys);
		await redis.set(keys.regenerableReply(guild, '500000000000000010'), 'not json {');
		await redis.set(keys.regenerableReply(guild, '500000000000000011'), JSON.stringify({ ...reply(['500000000000000011']), messageIds: [] }));
		await redis.set(keys.regenerableReply(guild, '500000000000000012'), JSON.stringify({ ...reply(['500000000000000012']), characterId: 'Not A Slug' }));
		for (const id of ['500000000000000010', '500000000000000011', '500000000000000012']) expect(await store.get(guild, id)).toBeUndefined();
	});

	it('refuses to store what it could not read back, naming the field', async () => {
		const store = new RegenerableReplies(redis, keys);
		await expect(store.remember(guild, reply(Array.from({ length: 11 }, (_, index) => `5000000000000001${10 + index}`)))).rejects.toThrow(/messageIds/);
		await expect(store.remember(guild, { ...reply(['500000000000000020']), text: '' })).rejects.toThrow(/text/);
	});

	it('lets one regeneration at a time hold a reply, for a bounded time', async () => {
		const store = new RegenerableReplies(redis, keys, { pendingSeconds: 30 });
		expect(await store.beginRegenerating(guild, '500000000000000030', 'regen-a')).toBe(true);
		expect(await store.beginRegenerating(guild, '500000000000000030', 'regen-b')).toBe(false);
		expect(await store.regeneratingJob(guild, '500000000000000030')).toBe('regen-a');
		expect(await store.beginRegenerating(guild, '500000000000000031', 'regen-c')).toBe(true);
		const ttl = await redis.ttl(keys.regenerating(guild, '500000000000000030'));
		expect(ttl).toBeGreaterThan(25);
		expect(ttl).toBeLessThanOrEqual(30);
		await store.endRegenerating(guild, '500000000000000030');
		expect(await store.regeneratingJob(guild, '500000000000000030')).toBeUndefined();
		expect(await store.beginRegenerating(guild, '500000000000000030', 'regen-d')).toBe(true);
	});

	it('hands the hold of a regeneration that gave up to exactly one new one', async () => {
		const store = new RegenerableReplies(redis, keys, { pendingSeconds: 30 });
		await store.beginRegenerating(guild, '500000000000000040', 'regen-gave-up');
		const takers = await Promise.all(
			['regen-x', 'regen-y', 'regen-z'].map((jobKey) => store.takeOverRegenerating(guild, '500000000000000040', 'regen-gave-up', jobKey)),
		);
		expect(takers.filter(Boolean)).toHaveLength(1);
		const holder = await store.regeneratingJob(guild, '500000000000000040');
		expect(['regen-x', 'regen-y', 'regen-z'][takers.indexOf(true)]).toBe(holder);
		expect(await redis.ttl(keys.regenerating(guild, '500000000000000040'))).toBeGreaterThan(25);
		expect(await store.takeOverRegenerating(guild, '500000000000000041', 'regen-gave-up', 'regen-w')).toBe(false);
	});

	it('checks its options', () => {
		expect(() => new RegenerableReplies(redis, keys, { ttlSeconds: 0 })).toThrow(/ttlSeconds/);
		expect(() => new RegenerableReplies(redis, keys, { pendingSeconds: 1.5 })).toThrow(/pendingSeconds/);
	});
});

describe('ChannelHistory.replace', () => {
	const entry = (messageId: string, content: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
		messageId,
		authorId: '400000000000000001',
		authorName: 'Alice',
		content,
		at: 1_700_000_000_000 + Number(messageId.slice(-3)),
		...extra,
	});

	it('changes only the text of the entry, where it stands, keeping its other fields', async () => {
		const history = new ChannelHistory(redis, keys);
		await history.append(guild, channel, entry('600000000000000001', 'Peter, does the boat float?'));
		const answer = entry('600000000000000002', 'First take.', { authorName: 'Peter Griffin', characterId: 'peter', answers: '600000000000000001' });
		await history.append(guild, channel, answer);
		await history.append(guild, channel, entry('600000000000000003', 'lol'));

		expect(await history.replace(guild, channel, '600000000000000002', 'Second take.')).toBe(true);
		expect(await history.recent(guild, channel)).toEqual([
			entry('600000000000000001', 'Peter, does the boat float?'),
			{ ...answer, content: 'Second take.' },
			entry('600000000000000003', 'lol'),
		]);
		expect((await history.conversationAt(guild, channel, '600000000000000001')).answers).toEqual([{ ...answer, content: 'Second take.' }]);
	});

	it('cuts the new text as append does, and says so when the message has left the history', async () => {
		const history = new ChannelHistory(redis, keys, { maxEntries: 2, maxChars: 10 });
		await history.append(guild, channel, entry('600000000000000011', 'old'));
		await history.append(guild, channel, entry('600000000000000012', 'newer'));
		await history.append(guild, channel, entry('600000000000000013', 'newest'));
		expect(await history.replace(guild, channel, '600000000000000011', 'gone')).toBe(false);
		expect(await history.replace(guild, channel, '600000000000000012', 'a much longer text')).toBe(true);
		expect((await history.recent(guild, channel)).map((each) => each.content)).toEqual(['a much lon', 'newest']);
	});

	it('finds its entry even when messages are pushed in front of it while it works', async () => {
		const history = new ChannelHistory(redis, keys);
		await history.append(guild, channel, entry('600000000000000021', 'First take.'));
		const pushes = Array.from({ length: 20 }, (_, index) =>
			history.append(guild, channel, entry(`6000000000000001${String(index).padStart(2, '0')}`, `chatter ${index}`)),
		);
		const [replaced] = await Promise.all([history.replace(guild, channel, '600000000000000021', 'Second take.'), ...pushes]);
		expect(replaced).toBe(true);
		const all = await history.recent(guild, channel);
		expect(all).toHaveLength(21);
		expect(all[0]).toMatchObject({ messageId: '600000000000000021', content: 'Second take.' });
	});
});
