// Benchmark: the Redis memory that conversation state takes, for the capacity model in docs/scaling.md. Writes members'
// messages through the gateway's own recording path (ChannelHistory.appendOnce: the message's seen-marker and the
// channel's capped history in one script) into a real redis-server and reads `used_memory` before and after:
// - per active channel: a channel whose history is full (40 messages, kept 24 h after its last message);
// - per recorded message: its seen-marker, kept 15 minutes.
// Message texts are a spread of short chat lines and longer questions.
// Usage: npm run bench:redis-memory [-- --channels 2000]
import { parseArgs } from 'node:util';
import { Keyspace } from '@charbot/core';
import { ChannelHistory } from '@charbot/stores';
import { startRedisServer } from '@charbot/testkit';
import { Redis } from 'ioredis';
import { describeMachine, writeResultsSection } from '../benchReport.js';

const { values } = parseArgs({ options: { channels: { type: 'string' } } });
const channels = Number(values.channels ?? 2_000);
const historyLength = 40;
const seenMarkers = 200_000;

const lines = [
	'lol',
	'Peter what do you think about the new season?',
	'that is so true 😂',
	'Stewie, are you building a time machine again? Last time the whole basement smelled like burnt toast for a week',
	'Brian your novel still not done?',
	'ok',
	'Has anyone been to the Drunken Clam lately? The beer there is six bucks now, which is insane',
	'gg',
	'Lois, what is for dinner tonight?',
	'Quagmire, please stop.',
];

const server = await startRedisServer();
const redis = new Redis(server.url);
const keyspace = new Keyspace('charbot');
const history = new ChannelHistory(redis, keyspace);

const usedMemory = async (): Promise<number> => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? Number.NaN);

let sequence = 0;
/** A member's message as the gateway records it, with a unique snowflake-sized id. */
const message = (channel: number) => {
	sequence += 1;
	const id = String(1_300_000_000_000_000_000n + BigInt(sequence));
	return {
		id,
		entry: {
			messageId: id,
			authorId: String(900_000_000_000_000_000n + BigInt(sequence % 500)),
			authorName: `member${sequence % 500}`,
			content: lines[(sequence * 7 + channel) % lines.length] as string,
			at: 1_780_000_000_000 + sequence * 1000,
		},
	};
};

try {
	// Channels: full histories; each message's seen-marker is dropped after, so only the histories are counted here.
	const beforeChannels = await usedMemory();
	let contentChars = 0;
	for (let channel = 0; channel < channels; channel += 1) {
		const pipeline = redis.pipeline();
		for (let index = 0; index < historyLength; index += 1) {
			const { entry } = message(channel);
			contentChars += entry.content.length;
			pipeline.lpush(keyspace.channelHistory('100000000000000000', String(channel)), JSON.stringify(entry));
		}
		await pipeline.exec();
		// One message through the real path, so the list ends as the gateway leaves it (capped, with its TTL).
		const { id, entry } = message(channel);
		await history.appendOnce('100000000000000000', String(channel), entry, { key: keyspace.seenMessage('100000000000000000', id), ttlSeconds: 900 });
		await redis.del(keyspace.seenMessage('100000000000000000', id));
	}
	const afterChannels = await usedMemory();
	const perChannel = (afterChannels - beforeChannels) / channels;

	// Seen-markers: one per recorded message, through the real path into one channel.
	const beforeSeen = await usedMemory();
	for (let batch = 0; batch < seenMarkers; batch += 1_000) {
		await Promise.all(
			Array.from({ length: 1_000 }, () => {
				const { id, entry } = message(0);
				return history.appendOnce('100000000000000000', 'seen-only', entry, { key: keyspace.seenMessage('100000000000000000', id), ttlSeconds: 900 });
			}),
		);
	}
	const afterSeen = await usedMemory();
	const perSeen = (afterSeen - beforeSeen) / seenMarkers;

	const meanChars = contentChars / (channels * historyLength);
	const summary = `per active channel ${(perChannel / 1024).toFixed(1)} KiB (40 messages, mean ${meanChars.toFixed(0)} characters), per seen-marker ${perSeen.toFixed(0)} B`;
	process.stdout.write(`${summary}\n`);
	writeResultsSection(
		'redis-memory',
		[
			'## Redis memory of conversation state (`npm run bench:redis-memory`)',
			'',
			`${describeMachine()}. Redis ${/redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?'}, \`used_memory\` before and after, through the gateway's recording path (\`ChannelHistory.appendOnce\`): ${channels.toLocaleString('en')} channels with a full history, then ${seenMarkers.toLocaleString('en')} recorded messages' seen-markers.`,
			'',
			'| state | kept | measured |',
			'| --- | --- | --- |',
			`| a channel's history (${historyLength} messages, mean ${meanChars.toFixed(0)} characters of text) | 24 h after its last message | **${(perChannel / 1024).toFixed(1)} KiB** per active channel |`,
			`| a recorded message's seen-marker | 15 min | **${perSeen.toFixed(0)} B** per message |`,
			'',
			'docs/scaling.md turns these into Redis memory per fleet size.',
		].join('\n'),
	);
} finally {
	redis.disconnect();
	await server.close();
}
