// The pipeline on a real Redis Cluster (3 masters, 3 replicas): every app a process with REDIS_CLUSTER_NODES, the members'
// messages sent through the Discord emulator, every reply checked. The conversations of conversations.e2e.test.ts, on a
// cluster: mentions, name calls, replies to a character, a DM, a settings change and banter's cascade.
import { Keyspace, waitForRedisReady } from '@charbot/core';
import { QueueName } from '@charbot/contracts';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

const echoToken = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => variedLineFor(/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0] ?? 'that'),
};

let platform: PlatformHarness;
let startedInMs = 0;
const dmChannel = () => platform.emulator.seed?.dmChannelId ?? '';
const textOf = (message: TranscriptMessage) => `${message.content}\n${message.embeds.map((embed) => String(embed.description ?? '')).join('\n')}`;

beforeAll(async () => {
	const startedAt = Date.now();
	platform = await startPlatform({ sim: { scripts: [echoToken] }, redisCluster: true });
	startedInMs = Date.now() - startedAt;
}, 120_000);
afterAll(async () => {
	await platform?.close();
});

async function replyTo(channelId: string, token: string): Promise<TranscriptMessage> {
	const carrying = () => platform.botMessages(channelId).filter((message) => textOf(message).includes(token));
	await waitFor(() => carrying().length > 0, `a reply carrying ${token}`, 20_000);
	await platform.settled();
	const replies = carrying();
	expect(replies, `exactly one reply for ${token}`).toHaveLength(1);
	return replies[0] as TranscriptMessage;
}

describe('the pipeline on a Redis Cluster', () => {
	let peterMessageId = '';

	it('runs every app on the cluster, its queues and state spread over the masters', async () => {
		expect(platform.cluster).toBeDefined();
		expect(platform.env.REDIS_CLUSTER_NODES).toBe(platform.cluster?.nodeList);
		const keys = new Keyspace(platform.prefix);
		const masters = new Set<number>();
		for (const name of Object.values(QueueName)) masters.add((await platform.cluster?.masterOf(`${keys.queuePrefix(name)}:${name}:wait`))?.port ?? 0);
		expect(masters.size, 'the three queues live on different masters').toBeGreaterThan(1);
		process.stdout.write(`[redis cluster e2e] cluster and the four apps ready in ${startedInMs} ms\n`);
	});

	it('a bot mention gets one reply from the default character, through a webhook', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'alice'),
			content: `<@${platform.emulator.botUser.id}> hi there tk-mention`,
		});
		const reply = await replyTo(seededChannel(platform, 'general'), 'tk-mention');
		expect(reply.author).toMatchObject({ displayName: 'Peter Griffin', kind: 'webhook' });
		peterMessageId = reply.id;
	});

	it('a name call gets that character, and a reply to a character reaches it', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'bob'),
			content: "Stewie, what's the plan? tk-name",
		});
		expect((await replyTo(seededChannel(platform, 'general'), 'tk-name')).author.displayName).toBe('Stewie Griffin');
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'carol'),
			content: 'are you sure about that? tk-reply',
			replyTo: peterMessageId,
		});
		expect((await replyTo(seededChannel(platform, 'general'), 'tk-reply')).author.displayName).toBe('Peter Griffin');
	});

	it('a settings change reaches every app through the cluster: an active channel gets a character chiming in', async () => {
		await platform.updateSettings(seededChannel(platform, 'kitchen'), { mode: 'active', talkativeness: 5, userCooldownSeconds: 0 });
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'kitchen'),
			authorId: seededUser(platform, 'alice'),
			content: 'anyone around for lunch? tk-active',
		});
		expect((await replyTo(seededChannel(platform, 'kitchen'), 'tk-active')).author.kind).toBe('webhook');
	});

	it('a DM (all DM state in the one slot of {dm}) gets one reply from the bot', async () => {
		platform.emulator.control.postMessage({ channelId: dmChannel(), authorId: seededUser(platform, 'alice'), content: 'hey, you around? tk-dm' });
		const reply = await replyTo(dmChannel(), 'tk-dm');
		expect(reply.author.kind).toBe('bot');
		expect(reply.embeds[0]).toMatchObject({ author: { name: 'Peter Griffin' } });
	});

	it('several members at once each get exactly one reply', async () => {
		const general = seededChannel(platform, 'general');
		await platform.updateSettings(general, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
		const members = ['alice', 'bob', 'carol'];
		const tokens = members.flatMap((name, index) => [0, 1].map((round) => ({ name, token: `tk-burst${index}x${round}` })));
		for (const { name, token } of tokens)
			platform.emulator.control.postMessage({ channelId: general, authorId: seededUser(platform, name), content: `Peter, quick one ${token}` });
		await waitFor(
			() => tokens.every(({ token }) => platform.botMessages(general).some((message) => textOf(message).includes(token))),
			'a reply to every message',
			30_000,
		);
		await platform.settled();
		for (const { token } of tokens)
			expect(
				platform.botMessages(general).filter((message) => textOf(message).includes(token)),
				token,
			).toHaveLength(1);
	});

	it('keeps the history and the delivery ledger of the guild in its slot, on the cluster', async () => {
		const keys = new Keyspace(platform.prefix);
		const guildId = platform.emulator.seed?.guildId ?? null;
		const redis = platform.connect();
		try {
			await waitForRedisReady(redis, 10_000);
			const history = await redis.lrange(keys.channelHistory(guildId, seededChannel(platform, 'general')), 0, -1);
			expect(history.some((line) => line.includes('tk-mention'))).toBe(true);
			expect(await redis.call('CLUSTER', 'KEYSLOT', keys.channelHistory(guildId, seededChannel(platform, 'general')))).toBe(
				await redis.call('CLUSTER', 'KEYSLOT', keys.delivered(guildId, 'any-job', 0)),
			);
		} finally {
			redis.disconnect();
		}
	});
});
