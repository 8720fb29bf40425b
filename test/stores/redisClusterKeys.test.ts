// Every multi-key operation of the stores, the gateway and delivery, run on a real Redis Cluster (3 masters, 3 replicas):
// a transaction or script whose keys span slots is refused there (CROSSSLOT, or ioredis' own check of a pipeline), so
// each passing call proves its keys share a slot. The key sets are also checked slot by slot with CLUSTER KEYSLOT.
import { CharbotQueue, CharbotWorker, QueueName, routeJobPriority } from '@charbot/contracts';
import { createLogger, createRedisConnection, Keyspace, ManualClock, type RedisClient, waitForRedisReady } from '@charbot/core';
import {
	ChannelHistory,
	GenerationBudget,
	GuildStats,
	MemberMemory,
	MessageOwners,
	type RegenerableReply,
	RegenerableReplies,
	SettingsCache,
	SettingsStore,
} from '@charbot/stores';
import { type RedisCluster, startRedisCluster, uniquePrefix, waitFor } from '@charbot/testkit';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryLedger } from '../../apps/delivery/src/ledger/DeliveryLedger.js';
import { MessageAdmission } from '../../apps/gateway/src/intake/MessageAdmission.js';
import { forgetChannelWebhooks } from '../../apps/gateway/src/webhooks/forgetChannelWebhooks.js';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const guild = '111111111111111111';
const otherGuild = '222222222222222222';
const channel = '333333333333333333';
const member = '444444444444444444';

describe('keys on a real Redis Cluster', () => {
	let cluster: RedisCluster;
	let redis: RedisClient;
	let keys: Keyspace;

	beforeAll(async () => {
		cluster = await startRedisCluster();
		redis = createRedisConnection({ url: 'redis://127.0.0.1', clusterNodes: cluster.startupNodes, role: 'producer', logger });
		await waitForRedisReady(redis, 10_000);
	}, 60_000);
	afterAll(async () => {
		redis?.disconnect();
		await cluster?.close();
	});
	const fresh = () => (keys = new Keyspace(uniquePrefix('cluster')));
	const slotOf = async (key: string) => Number(await redis.call('CLUSTER', 'KEYSLOT', key));
	const expectOneSlot = async (operation: string, keySet: readonly string[]) => {
		const slots = new Set(await Promise.all(keySet.map(slotOf)));
		expect(slots.size, `${operation} touches ${keySet.join(', ')}`).toBe(1);
	};

	it('connects as an ioredis Cluster from the nodes list, and the guilds spread over the masters', async () => {
		expect(redis).toBeInstanceOf(Cluster);
		fresh();
		const masters = new Set<number>();
		for (let index = 0; index < 12; index++) masters.add((await cluster.masterOf(keys.settings(`10000000000000000${10 + index}`))).port);
		expect(masters.size).toBeGreaterThan(1);
	});

	it('keeps the keys of every transaction and script in one slot', async () => {
		fresh();
		const job = 'msg-1-peter';
		await expectOneSlot('a queue (BullMQ scripts)', [
			`${keys.queuePrefix(QueueName.Route)}:${QueueName.Route}:wait`,
			`${keys.queuePrefix(QueueName.Route)}:${QueueName.Route}:1`,
		]);
		await expectOneSlot('DeliveryLedger.record', [
			keys.delivered(guild, job, 0),
			keys.deliveredMessage(guild, '500000000000000001'),
			keys.messageOwner(guild, '500000000000000001'),
			keys.channelHistory(guild, channel),
			keys.regenerableReply(guild, '500000000000000001'),
		]);
		await expectOneSlot('DeliveryLedger.record in a DM', [keys.delivered(null, job, 0), keys.deliveredMessage(null, '1'), keys.channelHistory(null, channel)]);
		await expectOneSlot('ChannelHistory.appendOnce', [keys.channelHistory(guild, channel), keys.seenMessage(guild, '500000000000000002')]);
		await expectOneSlot('MessageAdmission (guild step)', [
			keys.cooldown(guild, 'user', member),
			keys.cooldown(guild, 'channel', channel),
			keys.channelTurn(guild, channel),
			keys.guildBudget(guild),
		]);
		await expectOneSlot('SettingsStore.change', [keys.settings(guild, channel), keys.settingsAudit(guild), keys.settings(guild)]);
		await expectOneSlot('forgetChannelWebhooks', [
			keys.channelWebhook(guild, channel),
			keys.channelWebhookToken(guild, channel),
			keys.guildWebhookChannels(guild),
		]);
		await expectOneSlot('GuildStats flush of one guild', [keys.statsBucket(guild, 1), keys.statsLatency(guild, 1, 'peter')]);
		expect(await slotOf(keys.statsBucket(guild, 1))).not.toBe(await slotOf(keys.statsBucket(otherGuild, 1)));
	});

	it('records a delivered part with its owner, history and regenerable reply in one transaction, and claims, adopts and releases', async () => {
		fresh();
		const ledger = new DeliveryLedger(redis, keys);
		const owners = new MessageOwners(redis, keys);
		const history = new ChannelHistory(redis, keys);
		const replies = new RegenerableReplies(redis, keys);
		const claim = await ledger.claim(guild, 'msg-1-peter', 0, 60_000);
		expect(claim).toBeDefined();
		await ledger.release(claim as NonNullable<typeof claim>);
		const again = await ledger.claim(guild, 'msg-1-peter', 0, 60_000);
		expect(again?.earlierAttemptAt).toBeDefined();
		expect(await ledger.adopt(again as NonNullable<typeof again>, '500000000000000001')).toBe(true);
		await ledger.record(guild, 'msg-1-peter', 0, '500000000000000001', (transaction) => {
			owners.rememberIn(transaction, guild, '500000000000000001', { characterId: 'peter', cascadeDepth: 0 });
			history.appendIn(transaction, guild, channel, { messageId: '500000000000000001', authorId: 'peter', authorName: 'Peter', content: 'Hehehe.', at: 1 });
			replies.rememberIn(transaction, guild, regenerable(['500000000000000001']));
		});
		expect(await ledger.claimUnlessPosted(guild, 'msg-1-peter', 0, 60_000)).toEqual({ kind: 'posted', messageId: '500000000000000001' });
		expect(await owners.owner(guild, '500000000000000001')).toEqual({ characterId: 'peter', cascadeDepth: 0 });
		expect((await history.recent(guild, channel)).map((entry) => entry.content)).toEqual(['Hehehe.']);
		expect(await replies.get(guild, '500000000000000001')).toBeDefined();
		await ledger.record(null, 'msg-2-peter', 0, '500000000000000002', (transaction) =>
			history.appendIn(transaction, null, channel, { messageId: '500000000000000002', authorId: 'peter', authorName: 'Peter', content: 'A DM.', at: 2 }),
		);
		expect(await ledger.posted(null, 'msg-2-peter', 0)).toBe('500000000000000002');
	});

	it('runs the history, memory, regenerable replies and settings transactions and scripts, and announces settings across nodes', async () => {
		fresh();
		const history = new ChannelHistory(redis, keys);
		expect(
			await history.appendOnce(guild, channel, entry('500000000000000003', 'First.'), { key: keys.seenMessage(guild, '500000000000000003'), ttlSeconds: 60 }),
		).toBe(true);
		expect(
			await history.appendOnce(guild, channel, entry('500000000000000003', 'First.'), { key: keys.seenMessage(guild, '500000000000000003'), ttlSeconds: 60 }),
		).toBe(false);
		await history.append(guild, channel, entry('500000000000000004', 'Second.'));
		expect(await history.replace(guild, channel, '500000000000000004', 'Second, edited.')).toBe(true);
		expect((await history.recent(guild, channel)).map((item) => item.content)).toEqual(['First.', 'Second, edited.']);

		const memory = new MemberMemory(redis, keys);
		expect(await memory.add(guild, member, 'likes boats')).toBe('added');
		expect(await memory.forget(guild, member)).toBe(1);

		const replies = new RegenerableReplies(redis, keys);
		await replies.remember(guild, regenerable(['500000000000000005']));
		await replies.remember(guild, regenerable(['500000000000000005', '500000000000000006']), '500000000000000005');
		expect(await replies.get(guild, '500000000000000005')).toBeUndefined();
		expect(await replies.get(guild, '500000000000000006')).toBeDefined();

		// The cache listens on a connection of its own (some node), the write announces through another (the key's master).
		const reader = createRedisConnection({
			url: 'redis://127.0.0.1',
			clusterNodes: cluster.startupNodes,
			role: 'producer',
			logger,
			connectionName: 'cluster-reader',
		});
		const cache = new SettingsCache(reader, keys, { logger });
		try {
			await waitFor(() => cache.stats.subscribed, 'the settings cache subscribed on the cluster');
			const cached = new SettingsStore(reader, keys, { cache });
			const writer = new SettingsStore(redis, keys);
			expect((await cached.effective(guild, channel)).userCooldownSeconds).toBe(2);
			await writer.update(guild, { userCooldownSeconds: 7 });
			await waitFor(async () => (await cached.effective(guild, channel)).userCooldownSeconds === 7, 'the announcement reached the cache');
			const changed = await writer.change(guild, { banterLimit: 3 }, { actor: { id: member, name: 'Alice' }, channelId: channel });
			expect(changed.entries).toHaveLength(1);
			await waitFor(async () => (await cached.effective(guild, channel)).banterLimit === 3, 'the audited change reached the cache');
			// Both announcements arrive: the MULTI's PUBLISH and the one inside the audited change's script.
			await waitFor(() => cache.stats.invalidations >= 2, 'both announcements reached the subscriber');
		} finally {
			await cache.close();
			reader.disconnect();
		}
	});

	it("admits a message with the member's budget in its own step, giving it back when the guild's step refuses", async () => {
		fresh();
		const budget = new GenerationBudget(redis, keys, { memberLimit: 3, guildLimit: 2, windowSeconds: 600, clock: new ManualClock(1_000_000) });
		const admission = new MessageAdmission(redis, keys, budget);
		const message = (overrides: Partial<Parameters<MessageAdmission['admit']>[0]> = {}) => ({
			guildId: guild,
			channelId: channel,
			authorId: member,
			userCooldownSeconds: 0,
			channelCooldownSeconds: 0,
			generations: 1,
			chargeMember: true,
			...overrides,
		});
		expect(await admission.admit(message({ turn: { key: keys.channelTurn(guild, channel), value: 'm1', ttlSeconds: 60 } }))).toEqual({ admitted: true });
		expect(await admission.admit(message())).toEqual({ admitted: true });
		// The guild's budget is spent: the member's reservation for this message is given back.
		expect(await admission.admit(message())).toMatchObject({ admitted: false, reason: 'budget', scope: 'guild' });
		expect(await budget.used({ guildId: guild, memberId: member })).toEqual({ member: 2, guild: 2 });
		expect(await admission.admit(message({ guildId: otherGuild }))).toEqual({ admitted: true });
		expect(await admission.admit(message({ guildId: otherGuild }))).toMatchObject({ admitted: false, reason: 'budget', scope: 'member' });
		expect(await admission.admit(message({ guildId: otherGuild, userCooldownSeconds: 5 }))).toMatchObject({ admitted: false, scope: 'member' });
		expect(await admission.admit(message({ guildId: otherGuild, userCooldownSeconds: 5 })), 'the cooldown the refused message started').toEqual({
			admitted: false,
			reason: 'user-cooldown',
		});
		expect(await budget.charge({ guildId: guild, memberId: member }, 1, 'regen-1')).toBe(true);
		expect(await budget.charge({ guildId: guild, memberId: member }, 1, 'regen-1')).toBe(false);
	});

	it('writes the stats of several guilds and DMs in one flush, a transaction per guild', async () => {
		fresh();
		const stats = new GuildStats(redis, keys, { logger, clock: new ManualClock(3_600_000 * 500), flushIntervalMs: 3_600_000 });
		for (const where of [guild, otherGuild, null]) {
			stats.recordGeneration(where, 'peter', false);
			stats.recordDelivery(where, 'peter', 120);
		}
		await stats.flush();
		for (const where of [guild, otherGuild, null]) expect((await stats.summary(where))[0]).toMatchObject({ characterId: 'peter', replies: 1, generated: 1 });
		await stats.close();
	});

	it('forgets the webhooks of a guild (ids and tokens) in one pipeline', async () => {
		fresh();
		for (const id of ['1', '2']) {
			await redis.set(keys.channelWebhook(guild, `33333333333333333${id}`), 'hook');
			await redis.set(keys.channelWebhookToken(guild, `33333333333333333${id}`), 'sealed');
			await redis.sadd(keys.guildWebhookChannels(guild), `33333333333333333${id}`);
		}
		expect(await forgetChannelWebhooks(redis, keys, guild, [], { wholeGuild: true })).toBe(2);
		expect(await redis.exists(keys.channelWebhookToken(guild, '333333333333333331'))).toBe(0);
	});

	it('runs BullMQ queues and workers, and the fair-share priority script, on the cluster', async () => {
		fresh();
		const worker = createRedisConnection({ url: 'redis://127.0.0.1', clusterNodes: cluster.startupNodes, role: 'worker', logger });
		const queue = new CharbotQueue(QueueName.Route, { connection: redis, prefix: keys.queuePrefix(QueueName.Route) });
		const done: string[] = [];
		const consumer = new CharbotWorker(QueueName.Route, async (job) => void done.push(job.id ?? ''), {
			connection: worker,
			prefix: keys.queuePrefix(QueueName.Route),
			concurrency: 4,
		});
		try {
			for (let index = 0; index < 10; index++) {
				const priority = await routeJobPriority(queue, { guildId: guild, author: { id: member } });
				await queue.add('route', { index }, { jobId: `job-${index}`, priority });
			}
			await waitFor(() => done.length === 10, 'every job processed on the cluster', 20_000);
			expect(new Set(done).size).toBe(10);
		} finally {
			await consumer.close();
			await queue.close();
			worker.disconnect();
		}
	});
});

function entry(messageId: string, content: string) {
	return { messageId, authorId: member, authorName: 'Alice', content, at: 1 };
}

function regenerable(messageIds: string[]): RegenerableReply {
	return {
		jobKey: 'msg-300000000000000001-peter',
		message: {
			id: '300000000000000001',
			channelId: channel,
			guildId: guild,
			author: { id: member, username: 'alice', displayName: 'Alice', isBot: false },
			content: 'Peter, does the boat float?',
			createdAt: 1_700_000_000_000,
		},
		characterId: 'peter',
		trigger: 'name',
		cascadeDepth: 0,
		turnOf: '300000000000000001',
		text: 'Heh heh, the boat floats.',
		model: 'llama3.2:1b',
		messageIds,
	};
}
