import { ChannelHistory, MessageOwners, SettingsStore, type SettingsOverrides } from '@charbot/stores';
import { type Config, createLogger, createRedisConnection, Keyspace, loadConfig, waitForRedisReady } from '@charbot/core';
import { parseJobData, QueueName, type RouteJob } from '@charbot/contracts';
import { type DiscordEmulator, type DiscordEmulatorOptions, startDiscordEmulator, type TranscriptMessage } from '@charbot/discord-emulator';
import { type RedisServer, type RedisServerOptions, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type GatewayOptions } from '../../apps/gateway/src/GatewayOptions.js';
import { type MessageOutcome } from '../../apps/gateway/src/intake/MessageOutcome.js';
import { type GatewayApp, startGateway } from '../../apps/gateway/src/startGateway.js';

/** Options a test file may change: the gateway's tunables, the emulator's and the redis-server's. */
export interface GatewayFixtureOptions {
	readonly gateway?: Partial<Omit<GatewayOptions, 'config' | 'logger' | 'onMessageOutcome'>>;
	readonly emulator?: DiscordEmulatorOptions;
	readonly redis?: RedisServerOptions;
	/** Settings (environment variables) on top of the fixture's own. */
	readonly env?: Readonly<Record<string, string>>;
}

/** One test file's world: a private redis-server, a fresh Discord emulator and a gateway connected to both. */
export interface GatewayFixture {
	readonly emulator: DiscordEmulator;
	readonly redisServer: RedisServer;
	readonly config: Config;
	readonly app: GatewayApp;
	readonly keyspace: Keyspace;
	/** The test's own Redis connection and stores, independent of the gateway's. */
	readonly redis: Redis;
	readonly queue: Queue;
	readonly settings: SettingsStore;
	readonly owners: MessageOwners;
	readonly history: ChannelHistory;
	/** Every log line the gateway wrote (debug and up). */
	readonly logLines: string[];
	readonly guildId: string;
	/** The outcome the gateway reported for a message, once it has. */
	outcomeOf(messageId: string, timeoutMs?: number): Promise<MessageOutcome>;
	/** Route jobs (any state) answering a message, validated with the route schema. */
	routeJobsFor(messageId: string): Promise<{ id: string; data: RouteJob; job: Job }[]>;
	/** A new member of the seeded guild. */
	newMember(username: string): string;
	/** A new text channel the gateway has seen, with optional settings overrides. */
	newChannel(name: string, settings?: SettingsOverrides): Promise<string>;
	post(channelId: string, authorId: string, content: string, replyTo?: string): TranscriptMessage;
	/** Starts a second gateway on the same emulator and Redis (a replica). */
	startReplica(onMessageOutcome: (outcome: MessageOutcome) => void): Promise<GatewayApp>;
	close(): Promise<void>;
}

/** Starts redis-server, the emulator and the gateway with a unique key prefix; `close()` stops all of it. */
export async function startGatewayFixture(options: GatewayFixtureOptions = {}): Promise<GatewayFixture> {
	const [redisServer, emulator] = await Promise.all([
		startRedisServer(options.redis),
		startDiscordEmulator({ heartbeatIntervalMs: 1000, ...options.emulator }),
	]);
	const config = loadConfig({
		NODE_ENV: 'test',
		LOG_LEVEL: 'debug',
		REDIS_URL: redisServer.url,
		REDIS_KEY_PREFIX: uniquePrefix('gw'),
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.apiUrl,
		ALLOW_SIMULATED_PARTS: 'true',
		...options.env,
	});
	const logLines: string[] = [];
	const logger = createLogger({ name: 'gateway', level: 'debug', format: 'json', destination: { write: (line: string) => logLines.push(line) } });
	const outcomes = new Map<string, MessageOutcome>();
	const replicas: GatewayApp[] = [];
	const start = (onMessageOutcome: (outcome: MessageOutcome) => void) => startGateway({ ...options.gateway, config, logger, onMessageOutcome });
	const app = await start((outcome) => outcomes.set(outcome.messageId, outcome));
	const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
	const redis = createRedisConnection({ url: redisServer.url, role: 'producer' });
	await waitForRedisReady(redis);
	const queue = new Queue(QueueName.Route, { connection: redis, prefix: keyspace.queuePrefix(QueueName.Route) });
	// Outage tests take Redis away on purpose; without a listener BullMQ prints each reconnect error.
	queue.on('error', () => undefined);
	const seed = emulator.seed;
	if (seed === undefined || seed === null) throw new Error('the emulator was started without its seed world');

	return {
		emulator,
		redisServer,
		config,
		app,
		keyspace,
		redis,
		queue,
		settings: new SettingsStore(redis, keyspace),
		owners: new MessageOwners(redis, keyspace),
		history: new ChannelHistory(redis, keyspace),
		logLines,
		guildId: seed.guildId,
		async outcomeOf(messageId, timeoutMs = 8000) {
			await waitFor(() => outcomes.has(messageId), `the gateway's outcome for message ${messageId}`, timeoutMs);
			return outcomes.get(messageId) as MessageOutcome;
		},
		async routeJobsFor(messageId) {
			const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
			return jobs
				.filter((job) => job.name !== 'filler' && job.data?.message?.id === messageId)
				.map((job) => ({ id: String(job.id), data: parseJobData(QueueName.Route, job.data), job }))
				.sort((a, b) => a.id.localeCompare(b.id));
		},
		newMember(username) {
			const user = emulator.control.createUser({ username });
			emulator.control.addMember(seed.guildId, user.id);
			return user.id;
		},
		async newChannel(name, settings) {
			const channel = emulator.control.createChannel(seed.guildId, { name });
			if (settings !== undefined) await new SettingsStore(redis, keyspace).update(seed.guildId, settings, channel.id);
			await waitFor(() => app.client.channels.cache.has(channel.id), `the gateway to see #${name}`);
			return channel.id;
		},
		post(channelId, authorId, content, replyTo) {
			return emulator.control.postMessage({ channelId, authorId, content, replyTo });
		},
		async startReplica(onMessageOutcome) {
			const replica = await start(onMessageOutcome);
			replicas.push(replica);
			return replica;
		},
		async close() {
			for (const replica of replicas) await replica.close();
			await app.close();
			await queue.close();
			redis.disconnect();
			await emulator.close();
			await redisServer.close();
		},
	};
}
