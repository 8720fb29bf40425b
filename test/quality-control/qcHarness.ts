import { CharacterRegistry } from '@charbot/characters';
import { createLogger, createRedisConnection, Keyspace, loadConfig, type Logger, resolveFromRoot, waitForRedisReady } from '@charbot/core';
import { type Attempt, type DeliverJob, messageJobId, QueueName, type ReviewJob } from '@charbot/contracts';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import type { REST } from '@discordjs/rest';
import { Client, Events, GatewayIntentBits, type Interaction, SlashCommandBuilder } from 'discord.js';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createDiscordRest } from '../../apps/delivery/src/delivery/createDiscordRest.js';
import { DeliveryCounters } from '../../apps/delivery/src/metrics/DeliveryCounters.js';
import { type Delivery, type DeliveryOptions, startDelivery } from '../../apps/delivery/src/startDelivery.js';
import { QualityControlCounters } from '../../apps/quality-control/src/metrics/QualityControlCounters.js';
import { type QualityControl, type QualityControlOptions, startQualityControl } from '../../apps/quality-control/src/startQualityControl.js';

/** The parts every quality-control and delivery system test shares: a private Redis, the Discord emulator, the cast. */
export interface SharedParts {
	readonly redis: RedisServer;
	readonly emulator: DiscordEmulator;
	readonly characters: CharacterRegistry;
	readonly connection: Redis;
	readonly producer: Redis;
	readonly rest: REST;
	/** Log lines written so far, parsed. */
	readonly logs: Record<string, unknown>[];
	readonly logger: Logger;
	close(): Promise<void>;
}

/** Starts Redis, the emulator and the persona registry; Discord REST goes through `createDiscordRest` as in production. */
export async function startSharedParts(): Promise<SharedParts> {
	const [redis, emulator, characters] = await Promise.all([
		startRedisServer(),
		startDiscordEmulator({ heartbeatIntervalMs: 1000 }),
		CharacterRegistry.open({ dir: resolveFromRoot('characters'), watch: false }),
	]);
	const logs: Record<string, unknown>[] = [];
	const logger = createLogger({ name: 'qc-test', level: 'debug', format: 'json', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
	const connection = createRedisConnection({ url: redis.url, role: 'worker', logger });
	const producer = createRedisConnection({ url: redis.url, role: 'producer', logger });
	await waitForRedisReady(producer);
	const config = loadConfig({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'test' });
	const rest = createDiscordRest(config, logger);
	return {
		redis,
		emulator,
		characters,
		connection,
		producer,
		rest,
		logs,
		logger,
		close: async () => {
			characters.close();
			connection.disconnect();
			producer.disconnect();
			await Promise.all([emulator.close(), redis.close()]);
		},
	};
}

/** Quality control and delivery running in-process on a fresh key prefix, with queues to add jobs and inspect them. */
export interface RunningQc {
	readonly qc: QualityControl;
	readonly delivery: Delivery;
	readonly keys: Keyspace;
	readonly reviewQueue: Queue;
	readonly deliverQueue: Queue;
	readonly routeQueue: Queue;
	readonly counters: QualityControlCounters;
	readonly deliveryCounters: DeliveryCounters;
	close(): Promise<void>;
}

/** Starts quality control and delivery with a unique `Keyspace` prefix. */
export async function startQc(
	parts: SharedParts,
	options: Partial<QualityControlOptions> & Pick<DeliveryOptions, 'webhookTokenSeal'> = {},
): Promise<RunningQc> {
	const keys = new Keyspace(uniquePrefix('qc'));
	const counters = new QualityControlCounters();
	const deliveryCounters = new DeliveryCounters();
	const { webhookTokenSeal, ...qcOptions } = options;
	const common = { connection: parts.connection, producer: parts.producer, keyspace: keys, characters: parts.characters, logger: parts.logger };
	const qc = await startQualityControl({ ...common, maxAttempts: 3, hooks: counters, ...qcOptions });
	const delivery = await startDelivery({
		...common,
		rest: parts.rest,
		hooks: deliveryCounters,
		...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
		...(webhookTokenSeal === undefined ? {} : { webhookTokenSeal }),
	});
	const reviewQueue = new Queue(QueueName.Review, { connection: parts.producer, prefix: keys.queuePrefix(QueueName.Review) });
	const deliverQueue = new Queue(QueueName.Deliver, { connection: parts.producer, prefix: keys.queuePrefix(QueueName.Deliver) });
	const routeQueue = new Queue(QueueName.Route, { connection: parts.producer, prefix: keys.queuePrefix(QueueName.Route) });
	return {
		qc,
		delivery,
		keys,
		reviewQueue,
		deliverQueue,
		routeQueue,
		counters,
		deliveryCounters,
		close: async () => {
			await Promise.all([qc.close(), delivery.close()]);
			await Promise.all([reviewQueue.close(), deliverQueue.close(), routeQueue.close()]);
		},
	};
}

/** A random Discord snowflake. */
export function snowflake(): string {
	return `1${Array.from({ length: 17 }, () => Math.floor(Math.random() * 10)).join('')}`;
}

/** Where a test message was posted, and by whom. */
export interface MessagePlace {
	readonly guildId: string | null;
	readonly channelId: string;
	readonly authorId: string;
}

/** Alice's place in a channel of the emulator's seeded world (`dm`: her direct messages with the bot). */
export function seededPlace(parts: SharedParts, channel: string): MessagePlace {
	const seed = parts.emulator.seed;
	if (seed === null) throw new Error('the emulator has no seeded world');
	const authorId = seed.users.alice ?? '';
	if (channel === 'dm') return { guildId: null, channelId: seed.dmChannelId, authorId };
	return { guildId: seed.guildId, channelId: seed.channels[channel] ?? '', authorId };
}

/** A `route` payload answering a fresh member message in `place`. */
export function routeFields(place: MessagePlace, characterId = 'peter', content = 'Peter, what are you building?') {
	const id = snowflake();
	return {
		jobKey: messageJobId(id, characterId),
		message: {
			id,
			channelId: place.channelId,
			guildId: place.guildId,
			author: { id: place.authorId, username: 'alice', displayName: 'Alice', isBot: false },
			content,
			createdAt: Date.now(),
		},
		characterId,
		trigger: 'name' as const,
		cascadeDepth: 0,
		failedAttempts: [] as Attempt[],
		followers: [],
	};
}

/** A review job for a candidate reply. */
export function reviewJob(place: MessagePlace, text: string, overrides: { role?: string; failedAttempts?: Attempt[]; content?: string } = {}): ReviewJob {
	const fields = routeFields(place, 'peter', overrides.content);
	return {
		...fields,
		failedAttempts: overrides.failedAttempts ?? [],
		candidate: { text, model: 'llama3.2:1b', host: 'http://ollama-1:11434', role: overrides.role ?? 'chat', reasons: [] },
	};
}

/** A deliver job for a passed reply. */
export function deliverJob(place: MessagePlace, text: string, characterId = 'peter'): DeliverJob {
	return { ...routeFields(place, characterId), text, score: 1, model: 'llama3.2:1b' };
}

/** Waits until a job exists and is completed or failed, and returns it fresh. */
export async function settledJob(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<Job> {
	await waitFor(
		async () => {
			const state = await queue.getJobState(jobId);
			return state === 'completed' || state === 'failed';
		},
		`${queue.name} job ${jobId} to complete or fail`,
		timeoutMs,
	);
	// Read after it settled, so attemptsMade, failedReason and returnvalue are final.
	const job = await queue.getJob(jobId);
	if (job === undefined) throw new Error(`${queue.name} job ${jobId} vanished after it settled`);
	return job;
}

/** Waits until a job exists (in any state) and returns it. */
export async function existingJob(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<Job> {
	let found: Job | undefined;
	await waitFor(
		async () => {
			found = await queue.getJob(jobId);
			return found !== undefined;
		},
		`${queue.name} job ${jobId} to exist`,
		timeoutMs,
	);
	return found as Job;
}

/** A real discord.js client playing the gateway's part for `/ask`: logged in to the emulator, with the command registered. */
export async function startAskClient(parts: SharedParts): Promise<Client<true>> {
	const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: parts.emulator.apiUrl } });
	const readied = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	await client.login(parts.emulator.token);
	await readied;
	const ask = new SlashCommandBuilder()
		.setName('ask')
		.setDescription('Ask a character')
		.addStringOption((option) => option.setName('question').setDescription('What').setRequired(true));
	// Ready: the application is known from here on.
	const ready = client as Client<true>;
	await ready.application.commands.set([ask.toJSON()]);
	return ready;
}

/** Invokes `/ask` as the member and defers it the way the gateway does; resolves with the interaction's id and token. */
export async function deferredAsk(parts: SharedParts, client: Client<true>, place: MessagePlace, question: string): Promise<{ id: string; token: string }> {
	const received = new Promise<{ id: string; token: string }>((resolve) => {
		const listener = (interaction: Interaction) => {
			if (!interaction.isChatInputCommand()) return;
			client.off(Events.InteractionCreate, listener);
			void interaction.deferReply().then(() => resolve({ id: interaction.id, token: interaction.token }));
		};
		client.on(Events.InteractionCreate, listener);
	});
	const invoked = parts.emulator.control.invokeCommand({ channelId: place.channelId, userId: place.authorId, name: 'ask', options: { question } });
	const deferred = await received;
	if (deferred.id !== invoked.id) throw new Error(`the client deferred interaction ${deferred.id}, not the invoked ${invoked.id}`);
	return deferred;
}

/** What an `/ask` system test works with; {@link useAskFixture}'s hooks fill it in. */
export interface AskFixture {
	parts: SharedParts;
	running: RunningQc;
	client: Client<true>;
	/** The seeded channel the test asks in, as the seeded member alice. */
	place: MessagePlace;
}

/** Registers the file's hooks: shared parts, quality control and the `/ask` client before all tests, all closed after. */
export function useAskFixture(channelName: string): AskFixture {
	const fixture = {} as AskFixture;
	beforeAll(async () => {
		fixture.parts = await startSharedParts();
		fixture.place = seededPlace(fixture.parts, channelName);
		fixture.running = await startQc(fixture.parts);
		fixture.client = await startAskClient(fixture.parts);
	});
	afterAll(async () => {
		await fixture.client?.destroy();
		await fixture.running?.close();
		await fixture.parts?.close();
	});
	return fixture;
}
