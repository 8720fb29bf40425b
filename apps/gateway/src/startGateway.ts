import { type CharacterRegistry, openServiceCharacters } from '@charbot/characters';
import {
	ChannelHistory,
	Cooldowns,
	GenerationBudget,
	GuildStats,
	MemberMemory,
	MemberPersonas,
	VisionStatus,
	MessageOwners,
	RegenerableReplies,
	SettingsAudit,
	SettingsCache,
	SettingsStore,
} from '@charbot/stores';
import {
	type Config,
	createRedisConnection,
	createRepeatedErrorLog,
	Keyspace,
	mediaHostsFor,
	type ReadinessCheck,
	type RedisClient,
	registerSecret,
	resolveFromRoot,
	UndoStack,
	waitForRedisReady,
} from '@charbot/core';
import { CharbotQueue, createQueueMetrics, QueueName } from '@charbot/contracts';
import type { Queue } from 'bullmq';
import { type Client, Events, type Interaction, type Message, type TextBasedChannel } from 'discord.js';
import { Registry } from 'prom-client';
import { BacklogGauge } from './backlog/BacklogGauge.js';
import { BacklogNotice } from './backlog/BacklogNotice.js';
import { allCommands } from './commands/allCommands.js';
import { DefaultCardImportLimits } from './commands/characters/CardImportOptions.js';
import { registerCommandsOnStart } from './commands/registration/registerCommandsOnStart.js';
import { checkDiscordTarget } from './discord/checkDiscordTarget.js';
import { createDiscordClient } from './discord/createDiscordClient.js';
import { discordReadiness } from './discord/discordReadiness.js';
import { logClientEvents } from './discord/logClientEvents.js';
import { loginClient } from './discord/loginClient.js';
import { HeldMessageSpool } from './intake/HeldMessageSpool.js';
import { MessageAdmission } from './intake/MessageAdmission.js';
import { MessageIntake } from './intake/MessageIntake.js';
import { OutageApology } from './intake/OutageApology.js';
import { PendingWork } from './intake/PendingWork.js';
import { RequestThrottle } from './intake/RequestThrottle.js';
import { InteractionIntake } from './interactions/InteractionIntake.js';
import { createGatewayMetrics } from './metrics/createGatewayMetrics.js';
import { RegenerationQuota } from './regenerate/RegenerationQuota.js';
import type { GatewayOptions } from './GatewayOptions.js';
import { resolveGatewayOptions } from './resolveGatewayOptions.js';
import { watchWebhookRemovals } from './webhooks/watchWebhookRemovals.js';

/** Most channels the typing throttle and the apology limit remember at once. */
const rememberedChannels = 50_000;
/** How long stopping waits for the apologies of messages still held for Redis. */
const apologyDrainMs = 3000;

/** A running gateway. */
export interface GatewayApp {
	readonly client: Client<true>;
	/** The `route` queue it produces to. */
	readonly routeQueue: Queue;
	readonly redis: RedisClient;
	readonly keyspace: Keyspace;
	readonly characters: CharacterRegistry;
	/** The registry holding the gateway's Prometheus series. */
	readonly registry: Registry;
	/** True when connected to the Discord emulator rather than Discord. */
	readonly emulated: boolean;
	/** Readiness checks for the health server: Discord connected and Redis answering. */
	readonly checks: Readonly<Record<string, ReadinessCheck>>;
	/** Resolves once no message, interaction or side work (typing, notes, apologies) it started is still running. */
	settled(): Promise<void>;
	/** Stops taking messages, waits for those being handled, then disconnects from Discord. */
	stopIntake(): Promise<void>;
	/** Stops intake, then closes the queue, the character registry (when it opened it) and Redis. */
	close(): Promise<void>;
}

/**
 * Starts the gateway (docs/pipeline.md, step 1): connects to Redis and Discord, and turns each message into
 * `route` jobs for the characters it concerns. Refuses an emulated Discord unless explicitly allowed.
 */
export async function startGateway(options: GatewayOptions): Promise<GatewayApp> {
	const settings = resolveGatewayOptions(options);
	const { config, logger } = options;
	const target = checkDiscordTarget(config);
	registerSecret(target.token);
	if (target.emulated) {
		logger.warn(
			{ apiUrl: target.apiUrl },
			`DISCORD IS EMULATED: the gateway talks to the local Discord emulator at ${target.apiUrl}, not to Discord (ALLOW_SIMULATED_PARTS=true). Never run a deployment like this.`,
		);
	}
	const undo = new UndoStack(logger);
	try {
		const redis = createRedisConnection({
			url: target.redisUrl,
			clusterNodes: config.REDIS_CLUSTER_NODES,
			role: 'producer',
			logger,
			connectionName: 'charbot-gateway',
		});
		undo.push(() => redis.disconnect());
		await waitForRedisReady(redis, 10_000);
		const ownsRegistry = options.characters === undefined;
		const characters = options.characters ?? (await openServiceCharacters(config, logger));
		if (ownsRegistry) undo.push(() => characters.close());
		if (characters.get(config.DEFAULT_CHARACTER) === undefined) {
			logger.warn(
				{ defaultCharacter: config.DEFAULT_CHARACTER },
				`DEFAULT_CHARACTER "${config.DEFAULT_CHARACTER}" is not loaded; bare mentions go to the first allowed character`,
			);
		}
		const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
		const routeQueue = new CharbotQueue(QueueName.Route, { connection: redis, prefix: keyspace.queuePrefix(QueueName.Route) });
		routeQueue.on('error', createRepeatedErrorLog({ logger, label: 'route queue', fields: { queue: QueueName.Route } }));
		undo.push(() => routeQueue.close());
		// Greetings go straight to delivery: they are persona text, posted like a reply that passed review.
		const deliverQueue = new CharbotQueue(QueueName.Deliver, { connection: redis, prefix: keyspace.queuePrefix(QueueName.Deliver) });
		deliverQueue.on('error', createRepeatedErrorLog({ logger, label: 'deliver queue', fields: { queue: QueueName.Deliver } }));
		undo.push(() => deliverQueue.close());
		const registry = options.registry ?? new Registry();
		const metrics = createGatewayMetrics(registry);
		createQueueMetrics(registry, [routeQueue]);
		routeQueue.on('waiting', (job) => metrics.onRouteJobAdded(job.name));

		// Messages an earlier process held for Redis and could not handle before it died; handled once Discord is connected.
		const { spool, restored } = HeldMessageSpool.open({ dir: resolveFromRoot(config.GATEWAY_SPOOL_DIR), fileName: spoolFileName(config), logger });
		undo.push(() => spool.close());
		let loggedIn!: (client: Client<true>) => void;
		let loginFailed!: (error: unknown) => void;
		const whenLoggedIn = new Promise<Client<true>>((resolve, reject) => {
			loggedIn = resolve;
			loginFailed = reject;
		});
		whenLoggedIn.catch(() => undefined);
		undo.push(() => loginFailed(new Error('the gateway did not start')));

		const pending = new PendingWork();
		// Route jobs carry fair-share priorities, so they wait in BullMQ's prioritized set, not its wait list.
		const gauge = new BacklogGauge(() => routeQueue.getJobCountByTypes('waiting', 'prioritized'), { refreshMs: settings.backlogRefreshMs });
		const budget = new GenerationBudget(redis, keyspace, {
			memberLimit: config.MEMBER_GENERATION_BUDGET,
			guildLimit: config.GUILD_GENERATION_BUDGET,
			windowSeconds: config.GENERATION_BUDGET_WINDOW,
		});
		// Settings are read for every message and slash command: kept in memory, dropped when any process writes them.
		const settingsCache = new SettingsCache(redis, keyspace, { logger });
		undo.push(() => settingsCache.close());
		const stores = {
			settings: new SettingsStore(redis, keyspace, { cache: settingsCache }),
			history: new ChannelHistory(redis, keyspace),
			cooldowns: new Cooldowns(redis, keyspace),
			memory: new MemberMemory(redis, keyspace),
			budget,
			admission: new MessageAdmission(redis, keyspace, budget),
			dmsEnabled: config.DMS_ENABLED,
		};
		const intake = new MessageIntake(
			{
				logger,
				redis,
				keyspace,
				...stores,
				owners: new MessageOwners(redis, keyspace),
				characters: () => characters.list(),
				routeQueue,
				backlog: new BacklogNotice({ gauge, threshold: settings.backlogThreshold, intervalMs: settings.backlogNoteIntervalMs, redis, keyspace }),
				typing: new RequestThrottle({ intervalMs: settings.typingIntervalMs, maxInFlight: settings.maxTypingInFlight, maxChannels: rememberedChannels }),
				// Discord allows about one reaction per channel per quarter second.
				cooldownReactions: new RequestThrottle({ intervalMs: 250, maxInFlight: settings.maxTypingInFlight, maxChannels: rememberedChannels }),
				retry: {
					maxMessages: settings.maxHeldMessages,
					maxAgeMs: options.heldMessageMaxAgeMs ?? config.REDIS_OUTAGE_PATIENCE * 1000,
					firstDelayMs: settings.heldRetryFirstDelayMs,
					maxDelayMs: settings.heldRetryMaxDelayMs,
				},
				apology: new OutageApology({ intervalMs: settings.apologyIntervalMs, maxChannels: rememberedChannels }),
				pending,
				defaultCharacter: config.DEFAULT_CHARACTER,
				random: settings.random,
				maxCharactersPerMessage: settings.maxCharactersPerMessage,
				dmCharacterTtlSeconds: settings.dmCharacterTtlSeconds,
			},
			(outcome) => {
				metrics.onMessageOutcome(outcome);
				options.onMessageOutcome?.(outcome);
			},
			spool,
		);
		// Restored before login, so their channels' new messages queue behind them.
		intake.restore(restored, (channelId) => whenLoggedIn.then((ready) => fetchTextChannel(ready, channelId)));

		metrics.watchHeldMessages(() => intake.heldMessages);
		metrics.watchPendingWork(() => pending.size);
		const retryHeld = () => intake.retryHeld();
		redis.on('ready', retryHeld);
		undo.push(() => redis.off('ready', retryHeld));

		const interactions = new InteractionIntake({
			logger,
			...stores,
			characters,
			audit: new SettingsAudit(redis, keyspace),
			// Only read here (`/stats`): the gateway records nothing, so it has nothing to flush.
			stats: new GuildStats(redis, keyspace, { logger }),
			personas: new MemberPersonas(redis, keyspace),
			vision: new VisionStatus(redis, keyspace),
			routeQueue,
			deliverQueue,
			cardImport: {
				dir: characters.dir,
				allowedHosts: mediaHostsFor(target.apiUrl),
				...DefaultCardImportLimits,
			},
			commands: new Map(allCommands.map((command) => [command.data.name, command])),
			pending,
			slowWorkMs: settings.slowInteractionMs,
			replies: new RegenerableReplies(redis, keyspace),
			regenerateQuota: new RegenerationQuota(redis, keyspace),
		});

		const client = createDiscordClient({
			apiUrl: target.apiUrl,
			shardCount: config.DISCORD_SHARD_COUNT,
			shardIds: config.DISCORD_SHARD_IDS,
			globalRequestsPerSecond: config.DISCORD_GLOBAL_RATE_LIMIT,
		});
		undo.push(() => client.destroy());
		logClientEvents(client, logger);
		watchWebhookRemovals(client, { redis, keyspace, logger });
		metrics.watchClient(client);
		const onMessage = (message: Message) => void intake.receive(message);
		const onInteraction = (interaction: Interaction) => void interactions.receive(interaction);
		client.on(Events.MessageCreate, onMessage);
		client.on(Events.InteractionCreate, onInteraction);
		const ready = await loginClient(client, target.token, settings.readyTimeoutMs);
		loggedIn(ready);
		logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: [...ready.ws.shards.keys()] }, `gateway connected as ${ready.user.tag}`);
		await registerCommandsOnStart(ready, options.registerCommands ?? config.DISCORD_REGISTER_COMMANDS, target.emulated, logger);

		let stopping: Promise<void> | undefined;
		const stopIntake = () => {
			stopping ??= (async () => {
				ready.off(Events.MessageCreate, onMessage);
				ready.off(Events.InteractionCreate, onInteraction);
				if (!(await pending.drain(settings.drainTimeoutMs))) logger.warn({ pending: pending.size }, 'stopped waiting for messages still being handled');
				if (intake.heldMessages > 0) {
					// Redis is still away: tell the members before going, while Discord is still connected.
					intake.giveUpHeld();
					await pending.drain(apologyDrainMs);
				}
				redis.off('ready', retryHeld);
				await ready.destroy();
			})();
			return stopping;
		};
		let closing: Promise<void> | undefined;
		return {
			client: ready,
			routeQueue,
			redis,
			keyspace,
			characters,
			registry,
			emulated: target.emulated,
			checks: {
				discord: () => discordReadiness(ready),
				redis: async () =>
					redis.status === 'ready' && (await redis.ping()) === 'PONG' ? { ok: true } : { ok: false, detail: `redis connection is ${redis.status}` },
			},
			settled: () => pending.idle(),
			stopIntake,
			close: () => {
				closing ??= (async () => {
					await stopIntake();
					await Promise.all([routeQueue.close(), deliverQueue.close()]);
					if (ownsRegistry) characters.close();
					await settingsCache.close();
					await redis.quit().catch(() => redis.disconnect());
					spool.close();
				})();
				return closing;
			},
		};
	} catch (error) {
		await undo.undo();
		throw error;
	}
}

/** The spool file of this replica: its Redis prefix (a deployment) and shards, the same after a restart. */
function spoolFileName(config: Config): string {
	const shards = config.DISCORD_SHARD_IDS === undefined ? 'all' : `shards-${config.DISCORD_SHARD_IDS.join('-')}`;
	return `held-messages-${config.REDIS_KEY_PREFIX.replace(/[^\w.-]/g, '_')}-${shards}.jsonl`;
}

/** A text channel by id, from the cache or Discord; throws when it is gone or holds no messages. */
async function fetchTextChannel(client: Client<true>, channelId: string): Promise<TextBasedChannel> {
	const channel = await client.channels.fetch(channelId);
	if (channel === null || !channel.isTextBased()) throw new Error(`channel ${channelId} is gone or is not a text channel`);
	return channel;
}
